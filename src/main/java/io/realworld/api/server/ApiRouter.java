package io.realworld.api.server;

import io.realworld.api.auth.JwtTokens;
import io.realworld.api.config.Config;
import io.realworld.api.health.HealthRoutes;
import io.realworld.api.http.ApiError;
import io.realworld.api.http.Responses;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.AllowForwardHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;

/** Assembles the HTTP surface: cross-cutting handlers, health, and each Conduit feature. */
final class ApiRouter {

  /** Far above any real article, far below what could hurt the heap. */
  static final long BODY_LIMIT_BYTES = 1024 * 1024;

  private ApiRouter() {
  }

  /**
   * The whole surface; {@code forwarded} says whether requests' X-Forwarded-For/Forwarded headers
   * are believed (ProxiedRequests sends only trusted proxies' requests to such a router).
   */
  static Router create(Vertx vertx, Config config, Pool pool, ProcessResources shared,
      AllowForwardHeaders forwarded) {
    Router router = Router.router(vertx).allowForward(forwarded);
    router.route().handler(shared.serving().inFlight());
    router.route().handler(new RequestLogging());
    HealthRoutes.mount(router, vertx, shared.database().readiness(), shared.serving().state(),
        config.dbTimeout());

    // The /api handlers below are pathless on purpose: Vert.x reports every matched route's path
    // to the metrics, so an "/api/*" route here would prefix each route label ("/api/>/api/tags").
    // No request waits on anything for long: reading a slow body, a queue for a database
    // connection or a password hash. The database calls have DB_TIMEOUT each.
    if (!config.corsAllowedOrigins().isEmpty()) {
      // before the timeout and the body: a preflight is answered at once, and a request from a
      // foreign origin is refused before it costs anything
      router.route().handler(onlyUnderApi(BrowserSafety.cors(config.corsAllowedOrigins())));
    }
    router.route().handler(onlyUnderApi(BrowserSafety::noStoreWhenPrivate));
    router.route().handler(onlyUnderApi(BrowserSafety::jsonBodiesOnly));
    router.route().handler(onlyUnderApi(
        new RequestTimeout(vertx, config.dbTimeout().multipliedBy(2))));
    // false: no uploads directory (the image's files are read-only, and creating it blocks)
    router.route().handler(onlyUnderApi(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES)));
    router.route().handler(onlyUnderApi(ctx -> {
      if (shared.serving().state().schemaReady()) {
        ctx.next();
      } else {
        ctx.fail(new ApiError(503, "service", "is starting"));
      }
    }));
    router.route().handler(onlyUnderApi(ctx -> {
      // %00 would reach SQL as a NUL in a slug, a username or a tag, which PostgreSQL refuses
      if (ctx.request().uri().contains("%00")) {
        ctx.fail(ApiError.badRequest("uri", "must not contain NUL characters"));
      } else {
        ctx.next();
      }
    }));

    JwtTokens tokens = new JwtTokens(vertx, config.jwtSecret().value());
    Features.mount(router, pool, tokens, shared.features());

    router.route().last().handler(ctx -> Responses.send(ctx, 404, ApiError.notFound("resource").body()));
    ErrorResponses errors = new ErrorResponses();
    router.route().failureHandler(errors);
    // The router's own answers, outside any route: a path parameter it cannot decode ("%zz")
    router.errorHandler(400, ErrorResponses.answering(ApiError.badRequest("uri", "is malformed")));
    router.errorHandler(500, errors);
    return router;
  }

  private static Handler<RoutingContext> onlyUnderApi(Handler<RoutingContext> handler) {
    return ctx -> {
      if (ctx.normalizedPath().startsWith("/api/")) {
        handler.handle(ctx);
      } else {
        ctx.next();
      }
    };
  }
}
