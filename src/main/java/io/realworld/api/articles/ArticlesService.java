package io.realworld.api.articles;

import io.realworld.api.articles.Slugs.SlugCandidates;
import io.realworld.api.db.SqlErrors;
import io.realworld.api.http.ApiError;
import io.realworld.api.http.WriteGate;
import io.realworld.api.tags.TagsService;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** The rules of articles and favorites: who may change what, and how slugs are chosen. */
public final class ArticlesService {

  // A lost race for a slug is retried with a fresh random suffix; three losses in a row is absurd
  private static final int SLUG_ATTEMPTS = 3;

  private final ArticlesRepository repository;
  private final TagsService tags;

  public ArticlesService(ArticlesRepository repository, TagsService tags) {
    this.repository = repository;
    this.tags = tags;
  }

  public Future<ArticlePage> list(ArticleFilter filter, Paging paging, Long viewerId) {
    return repository.page(filter, paging, viewerId);
  }

  public Future<Article> get(String slug, Long viewerId) {
    return repository.findBySlug(slug, viewerId).map(ArticlesService::orNotFound);
  }

  /** The id of the article with this slug, or a 404: for the features that hang off articles. */
  public Future<Long> idOf(String slug) {
    return ref(slug).map(ArticleRef::id);
  }

  /**
   * Every write below goes through the request's gate: nothing is written once its client was
   * answered 503, and what is written is one statement or one transaction.
   */
  public Future<Article> create(long authorId, NewArticle article, WriteGate gate) {
    return gate.write(() ->
            withSlugRetry(() -> repository.insert(authorId, candidates(article.title()), article)))
        .onSuccess(id -> tags.articlesChanged())
        .compose(id -> repository.findById(id, authorId))
        .map(ArticlesService::orNotFound);
  }

  /**
   * A new title gives a new slug, as the RealWorld documentation says, unless it slugifies like
   * the old one: then the slug, and links to it, stay as they are.
   */
  public Future<Article> update(String slug, long userId, ArticleChanges changes, WriteGate gate) {
    return authoredBy(slug, userId).compose(article -> {
      boolean newSlug = changes.title() != null
          && !Slugs.slugify(changes.title()).equals(Slugs.slugify(article.title()));
      return gate.write(() -> withSlugRetry(() -> repository.update(article.id(),
              newSlug ? candidates(changes.title()) : null, changes)))
          .onSuccess(updated -> tags.articlesChanged())
          .compose(updated -> updated
              ? repository.findById(article.id(), userId)
              : Future.succeededFuture(Optional.<Article>empty()))
          .map(ArticlesService::orNotFound);
    });
  }

  public Future<Void> delete(String slug, long userId, WriteGate gate) {
    return authoredBy(slug, userId)
        .compose(article -> gate.write(() -> repository.delete(article.id())))
        .onSuccess(deleted -> tags.articlesChanged());
  }

  /** Idempotent: favoriting twice is one favorite. */
  public Future<Article> favorite(String slug, long userId, WriteGate gate) {
    return ref(slug)
        .compose(article -> gate.write(() -> repository.favorite(userId, article.id()))
            .recover(ArticlesService::goneAsNotFound)
            .compose(done -> repository.findById(article.id(), userId)))
        .map(ArticlesService::orNotFound);
  }

  public Future<Article> unfavorite(String slug, long userId, WriteGate gate) {
    return ref(slug)
        .compose(article -> gate.write(() -> repository.unfavorite(userId, article.id()))
            .compose(done -> repository.findById(article.id(), userId)))
        .map(ArticlesService::orNotFound);
  }

  private Future<ArticleRef> ref(String slug) {
    return repository.findRef(slug).map(ArticlesService::orNotFound);
  }

  private Future<ArticleRef> authoredBy(String slug, long userId) {
    return ref(slug).map(article -> {
      if (article.authorId() != userId) {
        throw ApiError.forbidden("article");
      }
      return article;
    });
  }

  private static SlugCandidates candidates(String title) {
    return Slugs.candidates(title, ThreadLocalRandom.current());
  }

  private static <T> Future<T> withSlugRetry(Supplier<Future<T>> write) {
    Future<T> attempt = write.get();
    for (int i = 1; i < SLUG_ATTEMPTS; i++) {
      attempt = attempt.recover(error -> SqlErrors.isUniqueViolation(error,
          ArticlesRepository.SLUG_CONSTRAINT) ? write.get() : Future.failedFuture(error));
    }
    return attempt.recover(error -> Future.failedFuture(
        SqlErrors.isUniqueViolation(error, ArticlesRepository.SLUG_CONSTRAINT)
            ? ApiError.taken("slug") : error));
  }

  /** The article was deleted by a concurrent request between our read and our write. */
  private static Future<Void> goneAsNotFound(Throwable error) {
    return Future.failedFuture(
        SqlErrors.isForeignKeyViolation(error) ? ApiError.notFound("article") : error);
  }

  private static <T> T orNotFound(Optional<T> value) {
    return value.orElseThrow(() -> ApiError.notFound("article"));
  }
}
