package io.realworld.api.auth;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** The caller a valid token names. */
public record AuthenticatedUser(long id, String token) {

  private static final String KEY = AuthenticatedUser.class.getName();

  void attachTo(RoutingContext ctx) {
    ctx.put(KEY, this);
  }

  /** The caller, when the request carried a valid token. */
  public static Optional<AuthenticatedUser> of(RoutingContext ctx) {
    return Optional.ofNullable(ctx.get(KEY));
  }

  /**
   * The id of the caller who sees the answer, or null for an anonymous one: the repositories' SQL
   * reads null as nobody (no one followed, nothing favorited).
   */
  public static Long viewerId(RoutingContext ctx) {
    return of(ctx).map(AuthenticatedUser::id).orElse(null);
  }

  /** The caller of a route behind {@link TokenAuthHandler#required()}. */
  public static AuthenticatedUser required(RoutingContext ctx) {
    AuthenticatedUser user = ctx.get(KEY);
    if (user == null) {
      throw new IllegalStateException("route is not behind TokenAuthHandler.required()");
    }
    return user;
  }
}
