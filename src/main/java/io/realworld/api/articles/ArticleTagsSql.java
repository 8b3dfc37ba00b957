package io.realworld.api.articles;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * Writes an article's tags inside the caller's transaction: the tags and article_tags rows that
 * the tag filter and the tag cloud read. The article's own tag_list column, which it is shown
 * with, is written by the article's INSERT or UPDATE from the same names.
 */
final class ArticleTagsSql {

  // Sorted, so that concurrent writers take the new tags' locks in one order and cannot deadlock.
  private static final String CREATE_TAGS = """
      INSERT INTO tags (name) SELECT name FROM unnest($1::text[]) AS input(name) ORDER BY name
      ON CONFLICT (name) DO NOTHING""";
  // A statement of its own: it sees tags that a concurrent transaction committed meanwhile.
  private static final String LINK_TAGS = """
      INSERT INTO article_tags (article_id, tag_id)
      SELECT $1, t.id FROM unnest($2::text[]) AS input(name) JOIN tags t ON t.name = input.name""";

  /**
   * The tag_list column's value for the names in parameter {@code $n}: sorted in code point order
   * whatever the database's collation, as the public RealWorld suites expect.
   */
  static String sortedTagList(int parameter) {
    return "ARRAY(SELECT name FROM unnest($" + parameter + "::text[]) AS input(name)"
        + " ORDER BY name COLLATE \"C\")";
  }

  Future<Void> add(SqlConnection tx, long articleId, List<String> tagList) {
    if (tagList.isEmpty()) {
      return Future.succeededFuture();
    }
    String[] names = tagList.toArray(String[]::new);
    return ArticlesRepository.run(tx, CREATE_TAGS, Tuple.tuple().addArrayOfString(names))
        .compose(created -> ArticlesRepository.run(tx, LINK_TAGS,
            Tuple.tuple().addLong(articleId).addArrayOfString(names)));
  }

  Future<Void> replace(SqlConnection tx, long articleId, List<String> tagList) {
    return ArticlesRepository.run(tx, "DELETE FROM article_tags WHERE article_id = $1",
            Tuple.of(articleId))
        .compose(deleted -> add(tx, articleId, tagList));
  }
}
