package io.realworld.api.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.HandMadeJwt;
import io.realworld.api.support.Registrations;
import io.realworld.api.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class CurrentUserTest {

  private final ApiClient api = TestApp.client();

  @Test
  void answersTheCallerWithTheCallersToken() {
    var registered = Registrations.register(api);
    var response = api.withToken(registered.token()).get("/api/user");

    assertThat(response.status()).isEqualTo(200);
    JsonObject user = response.json().getJsonObject("user");
    assertThat(user.getString("username")).isEqualTo(registered.username());
    assertThat(user.getString("email")).isEqualTo(registered.email());
    assertThat(user.getString("token")).isEqualTo(registered.token());
    assertThat(user.containsKey("bio")).isTrue();
    assertThat(user.getValue("bio")).isNull();
    assertThat(user.containsKey("image")).isTrue();
    assertThat(user.getValue("image")).isNull();
  }

  @Test
  void withoutATokenIs401() {
    var response = api.get("/api/user");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().getJsonObject("errors").getJsonArray("token").getString(0))
        .isEqualTo("is missing");
  }

  @Test
  void aValidTokenOfAUserThatDoesNotExistIs401() {
    String token = HandMadeJwt.hs256(HandMadeJwt.claims(Long.MAX_VALUE, 3600), TestApp.JWT_SECRET);
    ApiClient ghost = api.withToken(token);

    var get = ghost.get("/api/user");
    var put = ghost.put("/api/user", new JsonObject().put("user", new JsonObject().put("bio", "boo")));

    assertThat(get.status()).isEqualTo(401);
    assertThat(get.json().getJsonObject("errors").containsKey("token")).isTrue();
    assertThat(put.status()).isEqualTo(401);
    assertThat(put.json().getJsonObject("errors").containsKey("token")).isTrue();
  }
}
