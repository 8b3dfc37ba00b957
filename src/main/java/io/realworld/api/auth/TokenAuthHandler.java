package io.realworld.api.auth;

import io.realworld.api.http.ApiError;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads {@code Authorization: Token <jwt>}, the RealWorld scheme (vertx-web's JWTAuthHandler only
 * knows {@code Bearer}). A present but invalid token is 401 on every route, also where
 * authentication is optional: a client with a stale token should learn it.
 */
public final class TokenAuthHandler {

  private static final String SCHEME = "Token ";

  private final JwtTokens tokens;

  public TokenAuthHandler(JwtTokens tokens) {
    this.tokens = tokens;
  }

  /** 401 without a valid token. */
  public Handler<RoutingContext> required() {
    return ctx -> authenticate(ctx, true);
  }

  /** Anonymous callers pass; a valid token makes the caller known. */
  public Handler<RoutingContext> optional() {
    return ctx -> authenticate(ctx, false);
  }

  private void authenticate(RoutingContext ctx, boolean required) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || header.isBlank()) {
      if (required) {
        ctx.fail(ApiError.unauthorized("is missing"));
      } else {
        ctx.next();
      }
      return;
    }
    if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      ctx.fail(ApiError.unauthorized("is invalid"));
      return;
    }
    String token = header.substring(SCHEME.length()).trim();
    tokens.verify(token).onComplete(result -> {
      if (result.succeeded()) {
        new AuthenticatedUser(result.result(), token).attachTo(ctx);
        ctx.next();
      } else {
        ctx.fail(ApiError.unauthorized("is invalid"));
      }
    });
  }
}
