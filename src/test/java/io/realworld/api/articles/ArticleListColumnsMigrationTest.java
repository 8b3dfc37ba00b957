package io.realworld.api.articles;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.TestDatabase;
import java.net.URI;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V3 adds the articles' tag_list and favorites_count columns: existing articles must get the
 * values that the subqueries it replaces computed. A database of its own, migrated to V2, filled
 * with SQL, then migrated to the latest version.
 */
class ArticleListColumnsMigrationTest {

  @Test
  void existingArticlesGetTheirSortedTagsAndTheirFavoritesCount() throws SQLException {
    URI server = URI.create(TestDatabase.url());
    String serverUrl = "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/";
    String database = ApiClient.unique("v3_backfill_");
    try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", "postgres",
        "postgres"); Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }
    String url = serverUrl + database;
    migrate(url, "2");

    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        Statement sql = db.createStatement()) {
      sql.execute("""
          INSERT INTO users (username, email, password_hash)
            SELECT 'user' || i, 'user' || i || '@example.com', 'hash' FROM generate_series(1, 3) i;
          INSERT INTO articles (slug, title, description, body, author_id)
            SELECT 'article-' || i, 'Article ' || i, 'd', 'b', 1 FROM generate_series(1, 3) i;
          INSERT INTO tags (name) VALUES ('zebra'), ('Zulu'), ('apple'), ('éclair');
          INSERT INTO article_tags (article_id, tag_id)
            SELECT a.id, t.id FROM articles a, tags t WHERE a.slug = 'article-1'
            UNION ALL
            SELECT a.id, t.id FROM articles a, tags t
            WHERE a.slug = 'article-2' AND t.name = 'zebra';
          INSERT INTO favorites (user_id, article_id)
            SELECT u.id, a.id FROM users u, articles a WHERE a.slug = 'article-1'
            UNION ALL
            SELECT u.id, a.id FROM users u, articles a
            WHERE a.slug = 'article-3' AND u.username = 'user2';
          """);
      migrate(url, "latest");

      Map<String, List<String>> tags = new LinkedHashMap<>();
      Map<String, Long> favorites = new LinkedHashMap<>();
      try (ResultSet rows = sql.executeQuery(
          "SELECT slug, tag_list, favorites_count FROM articles ORDER BY slug")) {
        while (rows.next()) {
          Array tagList = rows.getArray("tag_list");
          tags.put(rows.getString("slug"), Arrays.asList((String[]) tagList.getArray()));
          favorites.put(rows.getString("slug"), rows.getLong("favorites_count"));
        }
      }
      assertThat(tags).containsExactly(
          Map.entry("article-1", List.of("Zulu", "apple", "zebra", "éclair")),
          Map.entry("article-2", List.of("zebra")),
          Map.entry("article-3", List.of()));
      assertThat(favorites).containsExactly(
          Map.entry("article-1", 3L), Map.entry("article-2", 0L), Map.entry("article-3", 1L));
    }
  }

  private static void migrate(String url, String target) {
    Flyway.configure().dataSource(url, "postgres", "postgres")
        .locations("classpath:db/migration").target(target).load().migrate();
  }
}
