package io.realworld.api.users;

import io.realworld.api.auth.AuthenticatedUser;
import io.realworld.api.auth.TokenAuthHandler;
import io.realworld.api.auth.WriteLimits;
import io.realworld.api.http.ClientAddress;
import io.realworld.api.http.Handlers;
import io.realworld.api.http.RequestBodies;
import io.realworld.api.http.Responses;
import io.realworld.api.http.WriteGate;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /users}, {@code POST /users/login}, {@code GET} and {@code PUT /user}. */
public final class UsersRoutes {

  private final UsersService users;

  private UsersRoutes(UsersService users) {
    this.users = users;
  }

  public static void mount(Router router, TokenAuthHandler auth, WriteLimits writes,
      UsersService users) {
    UsersRoutes routes = new UsersRoutes(users);
    router.post("/api/users").handler(writes.signupPerClient())
        .handler(Handlers.async(routes::register));
    router.post("/api/users/login").handler(Handlers.async(routes::login));
    router.get("/api/user").handler(auth.required()).handler(Handlers.async(routes::current));
    router.put("/api/user").handler(auth.required()).handler(writes.perAccount())
        .handler(Handlers.async(routes::update));
  }

  private Future<Void> register(RoutingContext ctx) {
    NewUser newUser = NewUser.from(RequestBodies.wrapped(ctx, "user"));
    return users.register(newUser, WriteGate.of(ctx))
        .compose(user -> Responses.created(ctx, wrap(user, users.tokenFor(user))));
  }

  private Future<Void> login(RoutingContext ctx) {
    Login login = Login.from(RequestBodies.wrapped(ctx, "user"));
    return users.login(login, ClientAddress.of(ctx))
        .compose(user -> Responses.ok(ctx, wrap(user, users.tokenFor(user))));
  }

  private Future<Void> current(RoutingContext ctx) {
    AuthenticatedUser caller = AuthenticatedUser.required(ctx);
    return users.current(caller.id())
        .compose(user -> Responses.ok(ctx, wrap(user, caller.token())));
  }

  /**
   * Answers with a fresh token: after a password change the caller's own token is revoked with
   * every other one issued before it.
   */
  private Future<Void> update(RoutingContext ctx) {
    AuthenticatedUser caller = AuthenticatedUser.required(ctx);
    UserUpdate update = UserUpdate.from(RequestBodies.wrapped(ctx, "user"));
    return users.update(caller.id(), update, WriteGate.of(ctx))
        .compose(user -> Responses.ok(ctx, wrap(user, users.tokenFor(user))));
  }

  private static JsonObject wrap(User user, String token) {
    return new JsonObject().put("user", user.toJson(token));
  }
}
