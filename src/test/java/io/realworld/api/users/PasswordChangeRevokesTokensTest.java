package io.realworld.api.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.Registrations;
import io.realworld.api.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * A password change ends every session opened before it (a stolen token stops working once the
 * owner changes the password), and the answer carries the one token that is valid from then on.
 * Other changes leave the sessions alone.
 */
class PasswordChangeRevokesTokensTest {

  private final ApiClient anonymous = TestApp.client();

  @Test
  void everyTokenIssuedBeforeAPasswordChangeIs401AndTheAnswersTokenWorks() {
    var registered = Registrations.register(anonymous);
    String otherSession = login(registered.email(), Registrations.PASSWORD);
    String newPassword = "a new password, long enough";

    var change = anonymous.withToken(registered.token())
        .put("/api/user", user(new JsonObject().put("password", newPassword)));

    assertThat(change.status()).as(change.body()).isEqualTo(200);
    String fresh = change.json().getJsonObject("user").getString("token");
    assertThat(fresh).isNotEqualTo(registered.token());
    assertThat(anonymous.withToken(registered.token()).get("/api/user").status()).isEqualTo(401);
    assertThat(anonymous.withToken(otherSession).get("/api/user").status()).isEqualTo(401);
    assertThat(anonymous.withToken(otherSession).get("/api/articles/feed").status()).isEqualTo(401);
    var current = anonymous.withToken(fresh).get("/api/user");
    assertThat(current.status()).isEqualTo(200);
    assertThat(current.json().getJsonObject("user").getString("username"))
        .isEqualTo(registered.username());
    assertThat(login(registered.email(), newPassword)).isNotNull();
  }

  @Test
  void changingAnythingButThePasswordKeepsEverySessionValid() {
    var registered = Registrations.register(anonymous);

    var change = anonymous.withToken(registered.token())
        .put("/api/user", user(new JsonObject().put("bio", "still me")));

    assertThat(change.status()).isEqualTo(200);
    assertThat(anonymous.withToken(registered.token()).get("/api/user").status()).isEqualTo(200);
    String fresh = change.json().getJsonObject("user").getString("token");
    assertThat(anonymous.withToken(fresh).get("/api/user").status()).isEqualTo(200);
  }

  private String login(String email, String password) {
    var response = anonymous.post("/api/users/login",
        user(new JsonObject().put("email", email).put("password", password)));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().getJsonObject("user").getString("token");
  }

  private static JsonObject user(JsonObject fields) {
    return new JsonObject().put("user", fields);
  }
}
