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
import java.util.List;

/**
 * Issues and verifies the HS256 JWTs of the API: the subject is the user's id, {@code ver} the
 * user's token version (a password change bumps it, which revokes every older token).
 */
public final class JwtTokens {

  private static final String ALGORITHM = "HS256";
  static final Duration LIFETIME = Duration.ofDays(7);
  /** Who issues the tokens and for whom: a token some other service signed is not ours. */
  public static final String ISSUER = "realworld-api";
  public static final String AUDIENCE = "realworld-conduit";
  /** Clock skew allowed between replicas on exp, iat and nbf: small beside a 7-day lifetime. */
  public static final Duration LEEWAY = Duration.ofSeconds(30);
  static final String VERSION = "ver";

  private final JWTAuth jwt;

  public JwtTokens(Vertx vertx, String secret) {
    // Only HS256 is configured, so tokens with "alg: none" or any other algorithm are refused;
    // vertx-auth-jwt checks iss and aud against these options, and exp, iat, nbf with the leeway.
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(secret))
        .setJWTOptions(new JWTOptions().setAlgorithm(ALGORITHM).setIssuer(ISSUER)
            .setAudience(List.of(AUDIENCE)).setLeeway((int) LEEWAY.toSeconds())));
  }

  public String issue(long userId, int tokenVersion) {
    return jwt.generateToken(
        new JsonObject().put("sub", Long.toString(userId)).put(VERSION, tokenVersion),
        new JWTOptions().setAlgorithm(ALGORITHM).setIssuer(ISSUER).setAudience(List.of(AUDIENCE))
            .setExpiresInSeconds((int) LIFETIME.toSeconds()));
  }

  /**
   * What a valid token claims; fails for a forged, expired or malformed one, and for one without
   * an expiry (it would be valid forever), a user id or a token version.
   */
  public Future<TokenClaims> verify(String token) {
    return jwt.authenticate(new TokenCredentials(token)).compose(user -> {
      JsonObject claims = user.principal();
      // vertx-auth-jwt moves exp, iat and nbf from the principal to the user's attributes
      if (!(user.get("exp") instanceof Number)) {
        return Future.failedFuture("token has no expiry");
      }
      if (!(claims.getValue(VERSION) instanceof Integer version)) {
        return Future.failedFuture("token has no version");
      }
      try {
        return Future.succeededFuture(
            new TokenClaims(Long.parseLong(claims.getString("sub")), version));
      } catch (NumberFormatException | ClassCastException e) {
        return Future.failedFuture("token has no user id");
      }
    });
  }

  /** The user a token names, and the token version it was issued at. */
  public record TokenClaims(long userId, int tokenVersion) {
  }
}
