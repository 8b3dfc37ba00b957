package io.realworld.api.server;

import io.realworld.api.auth.JwtTokens;
import io.realworld.api.auth.PasswordHasher;
import io.realworld.api.auth.TokenAuthHandler;
import io.realworld.api.config.Config;
import io.realworld.api.health.HealthRoutes;
import io.realworld.api.health.ServiceState;
import io.realworld.api.http.ApiError;
import io.realworld.api.http.Responses;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;

/** Assembles the HTTP surface: cross-cutting handlers, health, and each Conduit feature. */
final class ApiRouter {

  /** Far above any real article, far below what could hurt the heap. */
  static final long BODY_LIMIT_BYTES = 1024 * 1024;

  private ApiRouter() {
  }

  static Router create(Vertx vertx, Config config, Pool pool, ServiceState state,
      InFlightRequests inFlight, Metrics metrics, PasswordHasher passwords) {
    Router router = Router.router(vertx);
    router.route().handler(inFlight);
    router.route().handler(new RequestLogging());
    metrics.mount(router);
    HealthRoutes.mount(router, vertx, pool, state, config.dbTimeout());

    // These two are pathless on purpose: Vert.x reports every matched route's path to the metrics,
    // so a "/api/*" route here would prefix each route label ("/api/>/api/>/api/tags").
    // false: no uploads directory (the image's files are read-only, and creating it blocks)
    router.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
    router.route().handler(ctx -> {
      if (state.schemaReady() || !ctx.normalizedPath().startsWith("/api/")) {
        ctx.next();
      } else {
        ctx.fail(new ApiError(503, "service", "is starting"));
      }
    });

    JwtTokens tokens = new JwtTokens(vertx, config.jwtSecret());
    TokenAuthHandler auth = new TokenAuthHandler(tokens);
    Features.mount(router, pool, auth, tokens, passwords);

    router.route().last().handler(ctx -> Responses.send(ctx, 404, ApiError.notFound("resource").body()));
    router.route().failureHandler(new ErrorResponses());
    // a path the router cannot even decode (a bad %-escape) never reaches a route
    router.errorHandler(400,
        ctx -> Responses.send(ctx, 400, ApiError.badRequest("path", "is malformed").body()));
    return router;
  }
}
