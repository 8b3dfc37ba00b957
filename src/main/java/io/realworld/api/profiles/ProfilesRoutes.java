package io.realworld.api.profiles;

import io.realworld.api.auth.AuthenticatedUser;
import io.realworld.api.auth.TokenAuthHandler;
import io.realworld.api.auth.WriteLimits;
import io.realworld.api.http.Handlers;
import io.realworld.api.http.Responses;
import io.realworld.api.http.WriteGate;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /profiles/{username}}, {@code POST} and {@code DELETE /profiles/{username}/follow}. */
public final class ProfilesRoutes {

  private final ProfilesService profiles;

  private ProfilesRoutes(ProfilesService profiles) {
    this.profiles = profiles;
  }

  public static void mount(Router router, TokenAuthHandler auth, WriteLimits writes,
      ProfilesService profiles) {
    ProfilesRoutes routes = new ProfilesRoutes(profiles);
    router.get("/api/profiles/:username").handler(auth.optional())
        .handler(Handlers.async(routes::show));
    router.post("/api/profiles/:username/follow").handler(auth.required()).handler(writes.perAccount())
        .handler(Handlers.async(routes::follow));
    router.delete("/api/profiles/:username/follow").handler(auth.required()).handler(writes.perAccount())
        .handler(Handlers.async(routes::unfollow));
  }

  private Future<Void> show(RoutingContext ctx) {
    return profiles.find(ctx.pathParam("username"), AuthenticatedUser.viewerId(ctx))
        .compose(profile -> send(ctx, profile));
  }

  private Future<Void> follow(RoutingContext ctx) {
    long viewerId = AuthenticatedUser.required(ctx).id();
    return profiles.follow(viewerId, ctx.pathParam("username"), WriteGate.of(ctx))
        .compose(profile -> send(ctx, profile));
  }

  private Future<Void> unfollow(RoutingContext ctx) {
    long viewerId = AuthenticatedUser.required(ctx).id();
    return profiles.unfollow(viewerId, ctx.pathParam("username"), WriteGate.of(ctx))
        .compose(profile -> send(ctx, profile));
  }

  private static Future<Void> send(RoutingContext ctx, Profile profile) {
    return Responses.ok(ctx, new JsonObject().put("profile", profile.toJson()));
  }
}
