package io.realworld.api.articles;

import io.realworld.api.profiles.ProfileSql;
import io.vertx.sqlclient.Row;
import java.util.Arrays;

/**
 * The columns an article is read with, and their mapping. The tags and the favorites count are
 * columns of the article, kept with what they summarise (V3 migration); the author ({@code users u},
 * seen as ProfileSql says) and the caller's flags are a join and two {@code EXISTS}, so a whole page is one statement, not one per
 * article. {@code $1} is the caller's user id, or null for an anonymous caller, which makes both
 * flags false. {@code tag_list} is sorted by name in code point order, whatever the database's
 * collation: the public RealWorld suites send {@code ["training", "dragons"]} and expect
 * {@code ["dragons", "training"]}.
 */
final class ArticleSelectSql {

  static final String SUMMARY_COLUMNS = """
      a.id, a.slug, a.title, a.description, a.created_at, a.updated_at,
      a.favorites_count, a.tag_list,
      EXISTS (SELECT 1 FROM favorites fv
              WHERE fv.user_id = $1 AND fv.article_id = a.id) AS favorited,
      """ + ProfileSql.columnsSeenBy("$1");

  static final String FULL_COLUMNS = SUMMARY_COLUMNS + ", a.body";

  private ArticleSelectSql() {
  }

  static Article summary(Row row) {
    return article(row, null);
  }

  static Article full(Row row) {
    return article(row, row.getString("body"));
  }

  private static Article article(Row row, String body) {
    return new Article(
        row.getLong("id"), row.getString("slug"), row.getString("title"),
        row.getString("description"), body, Arrays.asList(row.getArrayOfStrings("tag_list")),
        row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"),
        row.getBoolean("favorited"), row.getLong("favorites_count"), ProfileSql.profile(row));
  }
}
