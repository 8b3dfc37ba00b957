package io.realworld.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.HandMadeJwt;
import io.realworld.api.support.Registrations;
import io.realworld.api.support.TestApp;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where authentication is required, every way a request can fail to prove who it is gets 401 in
 * the spec's format. The tokens are built by hand, and the first test shows a hand-made token with
 * the right key does pass, so each refusal is due to the flaw under test. Where authentication is
 * optional, the same attacks are served as anonymous instead: {@link
 * #whereAuthIsOptionalTheSameTokenIsServedAsAnonymous}, and every attack on every such operation
 * in {@link InvalidTokensReadAsAnonymousTest}.
 */
class TokenAttacksTest {

  private static final ApiClient API = TestApp.client();
  private static long userId;
  private static Registrations.Registered user;

  @BeforeAll
  static void registerTheVictim() {
    user = Registrations.register(API);
    String payload = user.token().split("\\.")[1];
    userId = Long.parseLong(new JsonObject(new String(Base64.getUrlDecoder().decode(payload),
        StandardCharsets.UTF_8)).getString("sub"));
  }

  @Test
  void aHandMadeTokenSignedWithTheServiceKeyIsAccepted() {
    var response = API.withToken(HandMadeJwt.hs256(HandMadeJwt.claims(userId, 3600), TestApp.JWT_SECRET))
        .get("/api/user");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getJsonObject("user").getString("username")).isEqualTo(user.username());
  }

  @Test
  void aMissingHeaderIs401IsMissing() {
    var response = API.get("/api/user");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json()).isEqualTo(new JsonObject().put("errors",
        new JsonObject().put("token", List.of("is missing"))));
  }

  @Test
  void theBearerSchemeIsRefusedEvenWithAValidToken() {
    assertRefused(rawAuthorization("Bearer " + user.token()));
  }

  @Test
  void aSchemeWithoutATokenIsRefused() {
    assertRefused(rawAuthorization("Token "));
  }

  @Test
  void garbageIsRefused() {
    assertRefused(API.withToken("garbage").get("/api/user"));
    assertRefused(API.withToken("a.b.c").get("/api/user"));
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() {
    String forged = HandMadeJwt.hs256(HandMadeJwt.claims(userId, 3600),
        "another-secret-of-at-least-32-bytes-0123456789");
    assertRefused(API.withToken(forged).get("/api/user"));
  }

  @Test
  void anUnsignedAlgNoneTokenIsRefused() {
    assertRefused(API.withToken(HandMadeJwt.unsigned(HandMadeJwt.claims(userId, 3600))).get("/api/user"));
  }

  @Test
  void anExpiredTokenIsRefused() {
    String expired = HandMadeJwt.hs256(HandMadeJwt.claims(userId, -3600), TestApp.JWT_SECRET);
    assertRefused(API.withToken(expired).get("/api/user"));
  }

  @Test
  void aTokenWithoutAnExpiryIsRefused() {
    JsonObject claims = HandMadeJwt.claims(userId, 3600);
    claims.remove("exp");
    assertRefused(API.withToken(HandMadeJwt.hs256(claims, TestApp.JWT_SECRET)).get("/api/user"));
  }

  /** The issuer, the audience and the token version must each be present, and ours. */
  @ParameterizedTest
  @CsvSource({"iss, some-other-service", "aud, some-other-api", "ver, 1"})
  void aTokenWithAnotherOrNoIssuerAudienceOrVersionIsRefused(String claim, String other) {
    JsonObject another = HandMadeJwt.claims(userId, 3600)
        .put(claim, claim.equals("ver") ? Integer.parseInt(other) : other);
    JsonObject none = HandMadeJwt.claims(userId, 3600);
    none.remove(claim);
    assertRefused(API.withToken(HandMadeJwt.hs256(another, TestApp.JWT_SECRET)).get("/api/user"));
    assertRefused(API.withToken(HandMadeJwt.hs256(none, TestApp.JWT_SECRET)).get("/api/user"));
  }

  @Test
  void clockSkewWithinTheLeewayIsForgivenAndBeyondItIsNot() {
    long leeway = JwtTokens.LEEWAY.toSeconds();
    String justExpired = HandMadeJwt.hs256(HandMadeJwt.claims(userId, -leeway / 2), TestApp.JWT_SECRET);
    String expiredBeyond = HandMadeJwt.hs256(HandMadeJwt.claims(userId, -leeway - 5),
        TestApp.JWT_SECRET);

    assertThat(API.withToken(justExpired).get("/api/user").status()).isEqualTo(200);
    assertRefused(API.withToken(expiredBeyond).get("/api/user"));
  }

  @Test
  void aGenuineSignatureOnAlteredClaimsIsRefused() {
    String[] genuine = user.token().split("\\.");
    String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
        HandMadeJwt.claims(userId + 1, 3600).encode().getBytes(StandardCharsets.UTF_8));
    assertRefused(API.withToken(genuine[0] + "." + otherClaims + "." + genuine[2]).get("/api/user"));
  }

  @Test
  void whereAuthIsOptionalTheSameTokenIsServedAsAnonymous() {
    String forged = HandMadeJwt.hs256(HandMadeJwt.claims(userId, 3600),
        "another-secret-of-at-least-32-bytes-0123456789");
    ApiClient attacker = API.withToken(forged);

    assertRefused(attacker.get("/api/user"));
    assertRefused(attacker.get("/api/articles/feed"));
    var optional = attacker.get("/api/profiles/" + user.username());
    assertThat(optional.status()).isEqualTo(200);
    assertThat(optional.json()).isEqualTo(API.get("/api/profiles/" + user.username()).json());
    assertThat(optional.header("WWW-Authenticate")).isEqualTo("Token error=\"invalid_token\"");
  }

  private static void assertRefused(ApiClient.Response response) {
    assertThat(response.status()).isEqualTo(401);
    JsonObject errors = response.json().getJsonObject("errors");
    assertThat(errors.fieldNames()).containsExactly("token");
    assertThat(errors.getJsonArray("token")).isNotEmpty();
  }

  /** ApiClient always writes "Token <token>"; these requests need a header of their own. */
  private static ApiClient.Response rawAuthorization(String header) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(TestApp.baseUrl() + "/api/user"))
              .header("Authorization", header).build(),
          HttpResponse.BodyHandlers.ofString());
      return new ApiClient.Response(response.statusCode(), response.body(), response.headers());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
