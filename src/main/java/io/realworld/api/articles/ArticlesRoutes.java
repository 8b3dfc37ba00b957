package io.realworld.api.articles;

import static io.realworld.api.http.Handlers.async;

import io.realworld.api.auth.AuthenticatedUser;
import io.realworld.api.auth.TokenAuthHandler;
import io.realworld.api.auth.WriteLimits;
import io.realworld.api.http.RequestBodies;
import io.realworld.api.http.Responses;
import io.realworld.api.http.WriteGate;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** HTTP in and out for articles and favorites. */
public final class ArticlesRoutes {

  private final ArticlesService articles;

  private ArticlesRoutes(ArticlesService articles) {
    this.articles = articles;
  }

  public static void mount(Router router, TokenAuthHandler auth, WriteLimits writes,
      ArticlesService articles) {
    ArticlesRoutes routes = new ArticlesRoutes(articles);
    router.get("/api/articles").handler(auth.optional()).handler(async(routes::list));
    // before /:slug, which would otherwise take "feed" for a slug
    router.get("/api/articles/feed").handler(auth.required()).handler(async(routes::feed));
    router.post("/api/articles").handler(auth.required()).handler(writes.perAccount()).handler(async(routes::create));
    router.get("/api/articles/:slug").handler(auth.optional()).handler(async(routes::get));
    router.put("/api/articles/:slug").handler(auth.required()).handler(writes.perAccount()).handler(async(routes::update));
    router.delete("/api/articles/:slug").handler(auth.required()).handler(writes.perAccount()).handler(async(routes::delete));
    router.post("/api/articles/:slug/favorite").handler(auth.required()).handler(writes.perAccount())
        .handler(async(routes::favorite));
    router.delete("/api/articles/:slug/favorite").handler(auth.required()).handler(writes.perAccount())
        .handler(async(routes::unfavorite));
  }

  private Future<Void> list(RoutingContext ctx) {
    Paging paging = paging(ctx);
    ArticleFilter filter = new ArticleFilter(
        criterion(ctx, "tag"), criterion(ctx, "author"), criterion(ctx, "favorited"), null);
    return articles.list(filter, paging, AuthenticatedUser.viewerId(ctx))
        .compose(page -> Responses.ok(ctx, page.toJson()));
  }

  private Future<Void> feed(RoutingContext ctx) {
    long userId = AuthenticatedUser.required(ctx).id();
    return articles.list(ArticleFilter.feedOf(userId), paging(ctx), userId)
        .compose(page -> Responses.ok(ctx, page.toJson()));
  }

  private Future<Void> create(RoutingContext ctx) {
    NewArticle article = ArticleInput.forCreate(RequestBodies.wrapped(ctx, "article"));
    return articles.create(AuthenticatedUser.required(ctx).id(), article, WriteGate.of(ctx))
        .compose(created -> Responses.created(ctx, wrap(created)));
  }

  private Future<Void> get(RoutingContext ctx) {
    return articles.get(ctx.pathParam("slug"), AuthenticatedUser.viewerId(ctx))
        .compose(article -> Responses.ok(ctx, wrap(article)));
  }

  private Future<Void> update(RoutingContext ctx) {
    ArticleChanges changes = ArticleInput.forUpdate(RequestBodies.wrapped(ctx, "article"));
    return articles.update(ctx.pathParam("slug"), AuthenticatedUser.required(ctx).id(), changes,
            WriteGate.of(ctx))
        .compose(article -> Responses.ok(ctx, wrap(article)));
  }

  private Future<Void> delete(RoutingContext ctx) {
    return articles.delete(ctx.pathParam("slug"), AuthenticatedUser.required(ctx).id(),
            WriteGate.of(ctx))
        .compose(deleted -> Responses.noContent(ctx));
  }

  private Future<Void> favorite(RoutingContext ctx) {
    return articles.favorite(ctx.pathParam("slug"), AuthenticatedUser.required(ctx).id(),
            WriteGate.of(ctx))
        .compose(article -> Responses.ok(ctx, wrap(article)));
  }

  private Future<Void> unfavorite(RoutingContext ctx) {
    return articles.unfavorite(ctx.pathParam("slug"), AuthenticatedUser.required(ctx).id(),
            WriteGate.of(ctx))
        .compose(article -> Responses.ok(ctx, wrap(article)));
  }

  private static Paging paging(RoutingContext ctx) {
    return Paging.parse(ctx.queryParam("limit"), ctx.queryParam("offset"));
  }

  /** A filter's value; an empty one ({@code ?tag=}) is no filter, as frontends send it. */
  private static String criterion(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    return value == null || value.isBlank() ? null : value;
  }

  private static JsonObject wrap(Article article) {
    return new JsonObject().put("article", article.toJson());
  }
}
