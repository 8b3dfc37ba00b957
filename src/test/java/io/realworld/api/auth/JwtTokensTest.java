package io.realworld.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.HandMadeJwt;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The claims the service puts in its tokens, and that it reads back. */
class JwtTokensTest {

  private static final String SECRET = "unit-test-secret-of-at-least-32-bytes-0123456789";
  private static final Vertx VERTX = Vertx.vertx();
  private static final JwtTokens TOKENS = new JwtTokens(VERTX, SECRET);

  @AfterAll
  static void close() {
    VERTX.close();
  }

  @Test
  void anIssuedTokenCarriesIssuerAudienceExpiryAndVersionAndVerifies() {
    String token = TOKENS.issue(42, 3);
    JsonObject claims = new JsonObject(new String(
        Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));

    assertThat(claims.getString("iss")).isEqualTo(JwtTokens.ISSUER);
    assertThat(claims.getValue("aud").toString()).contains(JwtTokens.AUDIENCE);
    assertThat(claims.getLong("exp") - claims.getLong("iat"))
        .isEqualTo(JwtTokens.LIFETIME.toSeconds());
    assertThat(TOKENS.verify(token).await()).isEqualTo(new JwtTokens.TokenClaims(42, 3));
  }

  @Test
  void aHandMadeTokenWithTheSameClaimsVerifies() {
    String token = HandMadeJwt.hs256(HandMadeJwt.claims(7, 600), SECRET);

    assertThat(TOKENS.verify(token).await()).isEqualTo(new JwtTokens.TokenClaims(7, 0));
  }
}
