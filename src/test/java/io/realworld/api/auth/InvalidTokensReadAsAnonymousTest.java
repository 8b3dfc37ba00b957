package io.realworld.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.HandMadeJwt;
import io.realworld.api.support.TestApp;
import io.realworld.api.support.TestArticles;
import io.realworld.api.support.TestUsers;
import io.realworld.api.support.TestUsers.TestUser;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On the operations where the spec makes authentication optional, an Authorization header that
 * does not prove who the caller is gets exactly the anonymous answer, plus the challenge that says
 * so; it never gets anything of the user the token names. The viewer favorites the article and
 * follows its author, so every viewer-specific field would be true for the viewer's real token,
 * and every bad header below is aimed at the viewer (or at a user that is gone).
 */
class InvalidTokensReadAsAnonymousTest {

  private static final ApiClient ANONYMOUS = TestApp.client();
  private static Fixture fixture;

  private record Fixture(TestUser author, TestUser viewer, String slug, TestUser deleted) {
  }

  @BeforeAll
  static void theViewerFavoritesAndFollows() {
    TestUser author = TestUsers.create();
    String slug = TestArticles.create(author, ApiClient.unique("Optional auth")).getString("slug");
    assertThat(author.api().post("/api/articles/" + slug + "/comments", new JsonObject()
        .put("comment", new JsonObject().put("body", "first"))).status()).isEqualTo(201);
    TestUser viewer = TestUsers.create();
    TestUser deleted = TestUsers.create();
    for (TestUser fan : List.of(viewer, deleted)) {
      assertThat(fan.api().post("/api/articles/" + slug + "/favorite", null).status())
          .isEqualTo(200);
      TestUsers.follow(fan, author);
    }
    TestUsers.delete(deleted);
    fixture = new Fixture(author, viewer, slug, deleted);
  }

  /** The operations that answer with viewer-specific fields and take a token if there is one. */
  enum Endpoint {
    ARTICLE_LIST(f -> "/api/articles?author=" + f.author().username(),
        json -> article(json.getJsonArray("articles").getJsonObject(0))),
    ARTICLE(f -> "/api/articles/" + f.slug(), json -> article(json.getJsonObject("article"))),
    COMMENTS(f -> "/api/articles/" + f.slug() + "/comments", json -> List.of(json.getJsonArray(
        "comments").getJsonObject(0).getJsonObject("author").getBoolean("following"))),
    PROFILE(f -> "/api/profiles/" + f.author().username(),
        json -> List.of(json.getJsonObject("profile").getBoolean("following")));

    final Function<Fixture, String> path;
    /** Every favorited and following flag of the answer. */
    final Function<JsonObject, List<Boolean>> viewerFlags;

    Endpoint(Function<Fixture, String> path, Function<JsonObject, List<Boolean>> viewerFlags) {
      this.path = path;
      this.viewerFlags = viewerFlags;
    }

    private static List<Boolean> article(JsonObject article) {
      return List.of(article.getBoolean("favorited"),
          article.getJsonObject("author").getBoolean("following"));
    }
  }

  /** Authorization headers that do not prove who the caller is. */
  enum BadAuthorization {
    EXPIRED(f -> "Token " + HandMadeJwt.hs256(HandMadeJwt.claims(f.viewer().id(), -3600),
        TestApp.JWT_SECRET)),
    FOREIGN_KEY(f -> "Token " + HandMadeJwt.hs256(HandMadeJwt.claims(f.viewer().id(), 3600),
        "another-secret-of-at-least-32-bytes-0123456789")),
    ALG_NONE(f -> "Token " + HandMadeJwt.unsigned(HandMadeJwt.claims(f.viewer().id(), 3600))),
    // the author's genuine signature under claims naming the viewer
    ALTERED_PAYLOAD(f -> {
      String[] genuine = f.author().token().split("\\.");
      String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(HandMadeJwt
          .claims(f.viewer().id(), 3600).encode().getBytes(StandardCharsets.UTF_8));
      return "Token " + genuine[0] + "." + claims + "." + genuine[2];
    }),
    DELETED_USER(f -> "Token " + f.deleted().token()),
    UNKNOWN_USER(f -> "Token " + HandMadeJwt.hs256(HandMadeJwt.claims(Long.MAX_VALUE, 3600),
        TestApp.JWT_SECRET)),
    NOT_A_JWT(f -> "Token not-a-jwt"),
    SCHEME_ALONE(f -> "Token"),
    BEARER_JUNK(f -> "Bearer x"),
    // the viewer's valid token, in a scheme the API does not take
    BEARER_VALID_TOKEN(f -> "Bearer " + f.viewer().token()),
    NOT_A_SCHEME(f -> "garbage");

    final Function<Fixture, String> header;

    BadAuthorization(Function<Fixture, String> header) {
      this.header = header;
    }
  }

  static Stream<Arguments> everyEndpointWithEveryBadAuthorization() {
    return Arrays.stream(Endpoint.values()).flatMap(endpoint ->
        Arrays.stream(BadAuthorization.values()).map(bad -> Arguments.of(endpoint, bad)));
  }

  @ParameterizedTest
  @EnumSource(Endpoint.class)
  void theViewersTokenSeesTrueFlagsAndNoHeaderSeesFalse(Endpoint endpoint) {
    String path = endpoint.path.apply(fixture);
    ApiClient.Response viewer = fixture.viewer().api().get(path);
    ApiClient.Response anonymous = ANONYMOUS.get(path);

    assertThat(viewer.status()).as(viewer.body()).isEqualTo(200);
    assertThat(endpoint.viewerFlags.apply(viewer.json())).containsOnly(true);
    assertThat(viewer.header("WWW-Authenticate")).isNull();
    assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(200);
    assertThat(endpoint.viewerFlags.apply(anonymous.json())).containsOnly(false);
    assertThat(anonymous.header("WWW-Authenticate")).isNull();
  }

  // The spec's other operations without a security requirement answer nothing of a viewer: they
  // never read the header, so a bad one changes nothing there, not even a challenge.
  @ParameterizedTest
  @EnumSource(BadAuthorization.class)
  void theTagsAndTheLoginNeverReadTheHeader(BadAuthorization bad) {
    ApiClient client = ANONYMOUS.withHeader("Authorization", bad.header.apply(fixture));

    ApiClient.Response tags = client.get("/api/tags");
    ApiClient.Response login = client.post("/api/users/login", new JsonObject().put("user",
        new JsonObject().put("email", "nobody@example.com").put("password", "not-a-password")));

    assertThat(tags.status()).isEqualTo(200);
    assertThat(tags.header("WWW-Authenticate")).isNull();
    assertThat(login.status()).isEqualTo(401);
    assertThat(login.json().getJsonObject("errors").fieldNames()).containsExactly("credentials");
    assertThat(login.header("WWW-Authenticate")).isNull();
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("everyEndpointWithEveryBadAuthorization")
  void aBadAuthorizationIsServedExactlyAsAnonymous(Endpoint endpoint, BadAuthorization bad) {
    String path = endpoint.path.apply(fixture);
    ApiClient.Response anonymous = ANONYMOUS.get(path);

    ApiClient.Response response = ANONYMOUS
        .withHeader("Authorization", bad.header.apply(fixture)).get(path);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(anonymous.json());
    assertThat(endpoint.viewerFlags.apply(response.json())).containsOnly(false);
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Token error=\"invalid_token\"");
  }
}
