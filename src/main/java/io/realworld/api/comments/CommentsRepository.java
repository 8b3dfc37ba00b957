package io.realworld.api.comments;

import io.realworld.api.db.Rows;
import io.realworld.api.profiles.Profile;
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
  private static final String LIST = """
      SELECT c.id, c.body, c.created_at, c.updated_at, c.author_id, u.username, u.bio, u.image,
             EXISTS (SELECT 1 FROM follows f
                     WHERE f.follower_id = $1 AND f.followed_id = c.author_id) AS following
      FROM comments c JOIN users u ON u.id = c.author_id
      WHERE c.article_id = $2
      ORDER BY c.created_at DESC, c.id DESC
      LIMIT %d""".formatted(MAX_LISTED);
  // nobody follows themselves, so the author's own view of themselves is "not following"
  private static final String INSERT = """
      WITH c AS (INSERT INTO comments (article_id, author_id, body) VALUES ($1, $2, $3)
                 RETURNING id, body, created_at, updated_at, author_id)
      SELECT c.id, c.body, c.created_at, c.updated_at, c.author_id, u.username, u.bio, u.image,
             false AS following
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
    Profile author = new Profile(row.getLong("author_id"), row.getString("username"),
        row.getString("bio"), row.getString("image"), row.getBoolean("following"));
    return new Comment(row.getLong("id"), row.getString("body"),
        row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"), author);
  }

  Future<Void> delete(long commentId) {
    return pool.preparedQuery("DELETE FROM comments WHERE id = $1").execute(Tuple.of(commentId))
        .mapEmpty();
  }
}
