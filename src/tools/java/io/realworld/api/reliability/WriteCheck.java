package io.realworld.api.reliability;

import io.realworld.api.config.DatabaseUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proves that nothing acknowledged was lost and nothing was half-written: every article the load
 * driver got a 201 for is in the database with exactly the tags it sent, every acknowledged
 * comment is there, and no article at all lacks its tag rows (every article of a load run is
 * written with tags, in one transaction with them). Reads PostgreSQL directly, not through the
 * service under test. Usage: {@code WriteCheck <DATABASE_URL> <acks.tsv>}; exit 1 on any breach.
 */
public final class WriteCheck {

  private static final String ARTICLE_TAGS = """
      SELECT t.name FROM articles a
      JOIN article_tags at ON at.article_id = a.id JOIN tags t ON t.id = at.tag_id
      WHERE a.slug = ?""";
  private static final String ARTICLE_EXISTS = "SELECT 1 FROM articles WHERE slug = ?";
  private static final String COMMENT_EXISTS = """
      SELECT 1 FROM comments c JOIN articles a ON a.id = c.article_id
      WHERE c.id = ? AND a.slug = ?""";
  private static final String WITHOUT_TAGS = """
      SELECT count(*) FROM articles a
      WHERE NOT EXISTS (SELECT 1 FROM article_tags at WHERE at.article_id = a.id)""";

  private WriteCheck() {
  }

  public static void main(String[] args) throws Exception {
    DatabaseUrl url = DatabaseUrl.parse(args[0]);
    List<String> acks = Files.readAllLines(Path.of(args[1]));
    int articles = 0;
    int comments = 0;
    int missing = 0;
    int wrongTags = 0;
    try (Connection db = DriverManager.getConnection(url.jdbcUrl(5), url.user(), url.revealPassword())) {
      for (String ack : acks) {
        String[] fields = ack.split("\t");
        if (fields[0].equals("article")) {
          articles++;
          if (!exists(db, ARTICLE_EXISTS, fields[1])) {
            missing++;
            System.out.println("  missing article " + fields[1]);
          } else if (!tags(db, fields[1]).equals(new TreeSet<>(Arrays.asList(fields[2].split(","))))) {
            wrongTags++;
            System.out.println("  article " + fields[1] + " has tags " + tags(db, fields[1])
                + ", acknowledged with " + fields[2]);
          }
        } else {
          comments++;
          if (!exists(db, COMMENT_EXISTS, Long.parseLong(fields[2]), fields[1])) {
            missing++;
            System.out.println("  missing comment " + fields[2] + " on " + fields[1]);
          }
        }
      }
      long withoutTags = count(db, WITHOUT_TAGS);
      System.out.printf("data: %d acknowledged articles, %d acknowledged comments checked;"
          + " %d missing, %d with other tags than acknowledged, %d articles in the database"
          + " without tag rows%n", articles, comments, missing, wrongTags, withoutTags);
      System.exit(missing == 0 && wrongTags == 0 && withoutTags == 0 && articles > 0 ? 0 : 1);
    }
  }

  private static boolean exists(Connection db, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static Set<String> tags(Connection db, String slug) throws SQLException {
    Set<String> tags = new TreeSet<>();
    try (PreparedStatement statement = db.prepareStatement(ARTICLE_TAGS)) {
      statement.setString(1, slug);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          tags.add(rows.getString(1));
        }
      }
    }
    return tags;
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rows =
        statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
