package io.realworld.api.comments;

import io.realworld.api.articles.ArticlesService;
import io.realworld.api.db.SqlErrors;
import io.realworld.api.http.ApiError;
import io.realworld.api.http.WriteGate;
import io.vertx.core.Future;
import java.util.List;

/** The rules of comments: they hang off an article, and only their author removes them. */
public final class CommentsService {

  private final CommentsRepository repository;
  private final ArticlesService articles;

  public CommentsService(CommentsRepository repository, ArticlesService articles) {
    this.repository = repository;
    this.articles = articles;
  }

  public Future<List<Comment>> list(String slug, Long viewerId) {
    return articles.idOf(slug).compose(articleId -> repository.list(articleId, viewerId));
  }

  /** Nothing is written once the client was answered 503 (the gate is closed). */
  public Future<Comment> create(String slug, long authorId, NewComment comment, WriteGate gate) {
    return articles.idOf(slug)
        .compose(articleId ->
            gate.write(() -> repository.insert(articleId, authorId, comment.body())))
        // the article was deleted between our read and our insert
        .recover(error -> Future.failedFuture(
            SqlErrors.isForeignKeyViolation(error) ? ApiError.notFound("article") : error));
  }

  /** {@code commentId} as it came in the path: anything but a known comment's id is a 404. */
  public Future<Void> delete(String slug, String commentId, long userId, WriteGate gate) {
    long id;
    try {
      id = Long.parseLong(commentId);
    } catch (NumberFormatException e) {
      return Future.failedFuture(ApiError.notFound("comment"));
    }
    return articles.idOf(slug)
        .compose(articleId -> repository.authorOf(id, articleId))
        .compose(author -> {
          if (author.isEmpty()) {
            return Future.failedFuture(ApiError.notFound("comment"));
          }
          if (author.get() != userId) {
            return Future.failedFuture(ApiError.forbidden("comment"));
          }
          return gate.write(() -> repository.delete(id));
        });
  }
}
