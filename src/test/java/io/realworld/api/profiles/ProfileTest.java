package io.realworld.api.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.Registrations;
import io.realworld.api.support.TestApp;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileTest {

  private final ApiClient anonymous = TestApp.client();

  @Test
  void anAnonymousCallerSeesTheProfileNotFollowed() {
    var celebrity = Registrations.register(anonymous);
    anonymous.withToken(celebrity.token()).put("/api/user", new JsonObject().put("user",
        new JsonObject().put("bio", "famous").put("image", "https://example.com/c.png")));

    var response = anonymous.get("/api/profiles/" + celebrity.username());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(new JsonObject().put("profile", new JsonObject()
        .put("username", celebrity.username())
        .put("bio", "famous")
        .put("image", "https://example.com/c.png")
        .put("following", false)));
  }

  @Test
  void unsetBioAndImageAreNull() {
    var plain = Registrations.register(anonymous);

    JsonObject profile = anonymous.get("/api/profiles/" + plain.username()).json().getJsonObject("profile");

    assertThat(profile.fieldNames()).containsExactlyInAnyOrder("username", "bio", "image", "following");
    assertThat(profile.getValue("bio")).isNull();
    assertThat(profile.getValue("image")).isNull();
  }

  @Test
  void followingIsFromTheCallersViewpoint() {
    var celebrity = Registrations.register(anonymous);
    var fan = Registrations.register(anonymous);
    var stranger = Registrations.register(anonymous);
    anonymous.withToken(fan.token()).post("/api/profiles/" + celebrity.username() + "/follow", null);

    assertThat(following(fan.token(), celebrity.username())).isTrue();
    assertThat(following(stranger.token(), celebrity.username())).isFalse();
    assertThat(anonymous.get("/api/profiles/" + celebrity.username()).json()
        .getJsonObject("profile").getBoolean("following")).isFalse();
  }

  @Test
  void aUsernameWithUnicodeAndUrlSyntaxIsFoundThroughItsEncodedPath() {
    String username = "Zoë 猫/?#%" + ApiClient.unique("");
    assertThat(anonymous.post("/api/users", Registrations.body(username,
        ApiClient.unique("z") + "@example.com", Registrations.PASSWORD)).status()).isEqualTo(201);

    var response = anonymous.get("/api/profiles/" + URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getJsonObject("profile").getString("username")).isEqualTo(username);
  }

  @Test
  void anUnknownUsernameIs404() {
    var response = anonymous.get("/api/profiles/" + ApiClient.unique("nobody"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json()).isEqualTo(new JsonObject().put("errors",
        new JsonObject().put("profile", List.of("not found"))));
  }

  // auth is optional: a stale token must not log a frontend out (InvalidTokensReadAsAnonymousTest)
  @Test
  void anInvalidTokenIsServedAsAnonymousWithAChallenge() {
    var someone = Registrations.register(anonymous);

    var response = anonymous.withToken("not-a-jwt").get("/api/profiles/" + someone.username());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getJsonObject("profile").getBoolean("following")).isFalse();
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Token error=\"invalid_token\"");
  }

  private boolean following(String token, String username) {
    return anonymous.withToken(token).get("/api/profiles/" + username).json()
        .getJsonObject("profile").getBoolean("following");
  }
}
