package io.realworld.api.server;

import io.realworld.api.auth.JwtTokens;
import io.realworld.api.auth.PasswordHasher;
import io.realworld.api.auth.TokenAuthHandler;
import io.realworld.api.profiles.ProfilesRoutes;
import io.realworld.api.profiles.ProfilesService;
import io.realworld.api.users.UsersRoutes;
import io.realworld.api.users.UsersService;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/** Wires each Conduit feature: its repository, its service, its routes. */
final class Features {

  private Features() {
  }

  static void mount(Router router, Pool pool, TokenAuthHandler auth, JwtTokens tokens,
      PasswordHasher passwords) {
    UsersRoutes.mount(router, auth, new UsersService(pool, passwords, tokens));
    ProfilesRoutes.mount(router, auth, new ProfilesService(pool));
  }
}
