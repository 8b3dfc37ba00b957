package io.realworld.api.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Duration;

/** Issues and verifies the HS256 JWTs of the API; the subject is the user's id. */
public final class JwtTokens {

  private static final String ALGORITHM = "HS256";
  static final Duration LIFETIME = Duration.ofDays(7);

  private final JWTAuth jwt;

  public JwtTokens(Vertx vertx, String secret) {
    // Only HS256 is configured, so tokens with "alg: none" or any other algorithm are refused.
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(secret))
        .setJWTOptions(new JWTOptions().setAlgorithm(ALGORITHM)));
  }

  public String issue(long userId) {
    return jwt.generateToken(new JsonObject().put("sub", Long.toString(userId)),
        new JWTOptions().setAlgorithm(ALGORITHM).setExpiresInSeconds((int) LIFETIME.toSeconds()));
  }

  /** The user id of a valid token; fails for a forged, expired or malformed one. */
  public Future<Long> verify(String token) {
    return jwt.authenticate(new TokenCredentials(token)).compose(user -> {
      String subject = user.principal().getString("sub");
      try {
        return Future.succeededFuture(Long.parseLong(subject));
      } catch (NumberFormatException e) {
        return Future.failedFuture("token has no user id");
      }
    });
  }
}
