package io.realworld.api.comments;

import io.realworld.api.db.Rows;
import io.realworld.api.profiles.ProfileSql;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of comments: each operation is one statement, authors included. */
public final class CommentsRepository {

  /**
   * The spec pages no comment list, so its size is bounded here: the newest 100, at most about
   * 1 MB of comment bodies, whatever one account posts on one article.
   */
  public static final int MAX_LISTED = 100;

  // $1 is the caller (null when anonymous), for the author's "following" flag
  private static final String LIST = "SELECT c.id, c.body, c.created_at, c.updated_at, "
      + ProfileSql.columnsSeenBy("$1") + """

      FROM comments c JOIN users u ON u.id = c.author_id
      WHERE c.article_id = $2
      ORDER BY c.created_at DESC, c.id DESC
      LIMIT %d""".formatted(MAX_LISTED);
  // the author sees their new comment ($2 is both): following is false, as nobody follows themselves
  private static final String INSERT = """
      WITH c AS (INSERT INTO comments (article_id, author_id, body) VALUES ($1, $2, $3)
                 RETURNING id, body, created_at, updated_at, author_id)
      SELECT c.id, c.body, c.created_at, c.updated_at, """ + ProfileSql.columnsSeenBy("$2") + """

      FROM c JOIN users u ON u.id = c.author_id""";

  private final Pool pool;

  public CommentsRepository(Pool pool) {
    this.pool = pool;
  }

  Future<List<Comment>> list(long articleId, Long viewerId) {
    return pool.preparedQuery(LIST).execute(Tuple.of(viewerId, articleId)).map(rows -> {
      List<Comment> comments = new ArrayList<>(rows.size());
      rows.forEach(row -> comments.add(comment(row)));
      return comments;
    });
  }

  Future<Comment> insert(long articleId, long authorId, String body) {
    return pool.preparedQuery(INSERT).execute(Tuple.of(articleId, authorId, body))
        .map(rows -> comment(rows.iterator().next()));
  }

  /** The author of the comment with this id on this article. */
  Future<Optional<Long>> authorOf(long commentId, long articleId) {
    return pool.preparedQuery("SELECT author_id FROM comments WHERE id = $1 AND article_id = $2")
        .execute(Tuple.of(commentId, articleId))
        .map(rows -> Rows.first(rows).map(row -> row.getLong("author_id")));
  }

  private static Comment comment(Row row) {
    return new Comment(row.getLong("id"), row.getString("body"),
        row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"),
        ProfileSql.profile(row));
  }

  Future<Void> delete(long commentId) {
    return pool.preparedQuery("DELETE FROM comments WHERE id = $1").execute(Tuple.of(commentId))
        .mapEmpty();
  }
}
