package io.realworld.api.server;

import io.realworld.api.articles.ArticlesRepository;
import io.realworld.api.articles.ArticlesRoutes;
import io.realworld.api.articles.ArticlesService;
import io.realworld.api.auth.JwtTokens;
import io.realworld.api.auth.LoginThrottle;
import io.realworld.api.auth.PasswordHasher;
import io.realworld.api.auth.TokenAuthHandler;
import io.realworld.api.auth.WriteLimits;
import io.realworld.api.profiles.ProfilesRepository;
import io.realworld.api.profiles.ProfilesRoutes;
import io.realworld.api.profiles.ProfilesService;
import io.realworld.api.users.UsersRepository;
import io.realworld.api.users.UsersRoutes;
import io.realworld.api.users.UsersService;
import io.realworld.api.comments.CommentsRepository;
import io.realworld.api.comments.CommentsRoutes;
import io.realworld.api.comments.CommentsService;
import io.realworld.api.tags.TagsInUse;
import io.realworld.api.tags.TagsRepository;
import io.realworld.api.tags.TagsRoutes;
import io.realworld.api.tags.TagsService;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/** Wires each Conduit feature: its repository, its service, its routes. */
final class Features {

  private Features() {
  }

  /**
   * What the features share across verticles: one password-hashing pool, one set of failed-login
   * budgets, one set of write budgets, one record of the tags in use.
   */
  record Shared(PasswordHasher passwords, LoginThrottle logins, WriteLimits writes,
      TagsInUse tagsInUse) {
  }

  static void mount(Router router, Pool pool, JwtTokens tokens, Shared shared) {
    UsersService users = new UsersService(new UsersRepository(pool), shared.passwords(), tokens,
        shared.logins());
    TokenAuthHandler auth = new TokenAuthHandler(tokens, users::acceptsToken);
    UsersRoutes.mount(router, auth, shared.writes(), users);
    ProfilesRoutes.mount(router, auth, shared.writes(), new ProfilesService(new ProfilesRepository(pool)));
    TagsService tags = new TagsService(new TagsRepository(pool), shared.tagsInUse());
    ArticlesService articles = new ArticlesService(new ArticlesRepository(pool), tags);
    ArticlesRoutes.mount(router, auth, shared.writes(), articles);
    CommentsRoutes.mount(router, auth, shared.writes(), new CommentsService(new CommentsRepository(pool), articles));
    TagsRoutes.mount(router, tags);
  }
}
