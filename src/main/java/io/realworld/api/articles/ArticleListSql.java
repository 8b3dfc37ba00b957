package io.realworld.api.articles;

import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The one statement behind a list: the total count and one enriched page. Only the filters in use
 * become SQL, so each combination gets a plan that uses its index (a catch-all
 * {@code ($2 IS NULL OR ...)} would defeat PostgreSQL's cached generic plans). The count sits in
 * the outer row so that a page past the end still reports the total.
 *
 * <p>The page's ids are picked first, as an array: the articles and their authors are then read by
 * primary key for those ids only. A generic plan cannot know the LIMIT and assumes a tenth of the
 * table, so a join to the page as a subquery hashed a whole table per request (articles, or users
 * once the page carried the article's columns); {@code id = ANY (ARRAY(...))} is read as a few
 * ids whatever the limit. The feed's authors are an array for the same reason: the index on
 * (author_id, created_at) answers them, where a semi-join walked the newest articles of everyone.
 */
record ArticleListSql(String sql, Tuple parameters) {

  static ArticleListSql of(ArticleFilter filter, Paging paging, Long viewerId) {
    Tuple parameters = Tuple.tuple().addValue(viewerId);
    List<String> conditions = new ArrayList<>();
    if (filter.tag() != null) {
      conditions.add("a.id IN (SELECT at.article_id FROM article_tags at"
          + " JOIN tags t ON t.id = at.tag_id WHERE t.name = $" + add(parameters, filter.tag())
          + ")");
    }
    if (filter.author() != null) {
      conditions.add("a.author_id = (SELECT au.id FROM users au"
          + " WHERE lower(au.username) = lower($" + add(parameters, filter.author()) + "))");
    }
    if (filter.favoritedBy() != null) {
      conditions.add("a.id IN (SELECT fa.article_id FROM favorites fa JOIN users fu"
          + " ON fu.id = fa.user_id WHERE lower(fu.username) = lower($"
          + add(parameters, filter.favoritedBy()) + "))");
    }
    if (filter.followedBy() != null) {
      conditions.add("a.author_id = ANY (ARRAY(SELECT fo.followed_id FROM follows fo"
          + " WHERE fo.follower_id = $" + add(parameters, filter.followedBy()) + "))");
    }
    String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
    int limit = add(parameters, paging.limit());
    int offset = add(parameters, paging.offset());
    String sql = "SELECT total.n AS articles_count, " + ArticleSelectSql.SUMMARY_COLUMNS + "\n"
        + "FROM (SELECT count(*) AS n FROM articles a " + where + ") total\n"
        + "LEFT JOIN articles a ON a.id = ANY (ARRAY(SELECT a.id FROM articles a " + where
        + " ORDER BY a.created_at DESC, a.id DESC LIMIT $" + limit + " OFFSET $" + offset
        + "))\n"
        + "LEFT JOIN users u ON u.id = a.author_id\n"
        + "ORDER BY a.created_at DESC, a.id DESC";
    return new ArticleListSql(sql, parameters);
  }

  /** Adds a parameter and returns its position ($n). */
  private static int add(Tuple parameters, Object value) {
    parameters.addValue(value);
    return parameters.size();
  }
}
