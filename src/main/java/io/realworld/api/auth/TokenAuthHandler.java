package io.realworld.api.auth;

import io.realworld.api.http.ApiError;
import io.realworld.api.http.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import net.logstash.logback.argument.StructuredArguments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reads {@code Authorization: Token <jwt>}, the RealWorld scheme (vertx-web's JWTAuthHandler only
 * knows {@code Bearer}). Where authentication is required, anything but a valid token is 401.
 * Where it is optional, a header that does not prove who the caller is (malformed, another scheme,
 * a forged, expired or unsigned token, a token of a user that is gone or issued before the user's
 * latest password change) is served exactly as no header: the RealWorld frontends log the user
 * out on any 401, which would turn a stale token on a public page into a logout. The answer then
 * carries {@link #INVALID_TOKEN_CHALLENGE} so that a client can still learn its token is no good.
 */
public final class TokenAuthHandler {

  /** RFC 6750's error code, in the RealWorld scheme, on an answer served as anonymous. */
  public static final String INVALID_TOKEN_CHALLENGE = "Token error=\"invalid_token\"";

  private static final Logger LOG = LoggerFactory.getLogger(TokenAuthHandler.class);
  private static final String SCHEME = "Token ";

  private final JwtTokens tokens;
  private final KnownUsers users;

  public TokenAuthHandler(JwtTokens tokens, KnownUsers users) {
    this.tokens = tokens;
    this.users = users;
  }

  /** 401 without a valid token of an existing user. */
  public Handler<RoutingContext> required() {
    return ctx -> {
      String header = ctx.request().getHeader("Authorization");
      if (header == null || header.isBlank()) {
        ctx.fail(ApiError.unauthorized("is missing"));
        return;
      }
      String token = tokenIn(header);
      if (token == null) {
        ctx.fail(ApiError.unauthorized("is invalid"));
        return;
      }
      // a deleted user's token is as invalid as a forged one: without this check every
      // handler behind required() would meet a caller that is not there (a 500 on a write)
      authenticateThen(ctx, token, () -> ctx.fail(ApiError.unauthorized("is invalid")));
    };
  }

  /** A valid token of an existing user makes the caller known; anything else is anonymous. */
  public Handler<RoutingContext> optional() {
    return ctx -> {
      String header = ctx.request().getHeader("Authorization");
      if (header == null || header.isBlank()) {
        ctx.next();
        return;
      }
      String token = tokenIn(header);
      if (token == null) {
        servedAsAnonymous(ctx, "malformed header");
        return;
      }
      // forged, expired, revoked, or its user gone
      authenticateThen(ctx, token, () -> servedAsAnonymous(ctx, "invalid token"));
    };
  }

  /** Goes on as the caller the token proves, or runs {@code provesNobody}. */
  private void authenticateThen(RoutingContext ctx, String token, Runnable provesNobody) {
    authenticate(token).onComplete(known -> {
      if (known.failed()) {
        ctx.fail(known.cause());
      } else if (known.result() != null) {
        known.result().attachTo(ctx);
        ctx.next();
      } else {
        provesNobody.run();
      }
    });
  }

  /**
   * The caller the token proves, or null when it proves nobody (forged, expired, malformed, or
   * naming a user that is gone, or revoked by a password change); a failed future only when the
   * database could not be asked.
   */
  private Future<AuthenticatedUser> authenticate(String token) {
    return tokens.verify(token).transform(verified -> {
      if (verified.failed()) {
        return Future.succeededFuture(null);
      }
      long userId = verified.result().userId();
      return users.accepts(userId, verified.result().tokenVersion())
          .map(known -> known ? new AuthenticatedUser(userId, token) : null);
    });
  }

  /** The token after the scheme, or null when the header is not {@code Token <something>}. */
  private static String tokenIn(String header) {
    if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return null;
    }
    String token = header.substring(SCHEME.length()).trim();
    return token.isEmpty() ? null : token;
  }

  private static void servedAsAnonymous(RoutingContext ctx, String reason) {
    ctx.response().putHeader("WWW-Authenticate", INVALID_TOKEN_CHALLENGE);
    // the reason only: the header's value is a credential, or a typo of one
    MDC.put(RequestIds.KEY, ctx.get(RequestIds.KEY));
    try {
      LOG.info("{} {}: Authorization not accepted, served as anonymous {}",
          ctx.request().method(), ctx.request().path(), StructuredArguments.kv("reason", reason));
    } finally {
      MDC.remove(RequestIds.KEY);
    }
    ctx.next();
  }
}
