package io.realworld.api.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.Registrations;
import io.realworld.api.support.TestApp;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginTest {

  private static final JsonObject INVALID_CREDENTIALS = new JsonObject().put("errors",
      new JsonObject().put("credentials", List.of("invalid")));

  private final ApiClient api = TestApp.client();

  @Test
  void logsInWithEmailInAnyCaseAndAnswersAWorkingToken() {
    var registered = Registrations.register(api);
    var response = api.post("/api/users/login", login(registered.email().toUpperCase(),
        Registrations.PASSWORD));

    assertThat(response.status()).isEqualTo(200);
    JsonObject user = response.json().getJsonObject("user");
    assertThat(user.fieldNames()).containsExactlyInAnyOrder("email", "token", "username", "bio", "image");
    assertThat(user.getString("username")).isEqualTo(registered.username());
    assertThat(user.getString("email")).isEqualTo(registered.email());
    var current = api.withToken(user.getString("token")).get("/api/user");
    assertThat(current.json().getJsonObject("user").getString("username"))
        .isEqualTo(registered.username());
  }

  @Test
  void aWrongPasswordIs401WithInvalidCredentials() {
    var registered = Registrations.register(api);
    var response = api.post("/api/users/login", login(registered.email(), "wrong-password"));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json()).isEqualTo(INVALID_CREDENTIALS);
  }

  @Test
  void anUnknownEmailIs401WithTheSameAnswer() {
    var response = api.post("/api/users/login",
        login(ApiClient.unique("nobody") + "@example.com", Registrations.PASSWORD));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json()).isEqualTo(INVALID_CREDENTIALS);
  }

  @Test
  void missingFieldsAre422ListingEach() {
    var response = api.post("/api/users/login", new JsonObject().put("user",
        new JsonObject().put("password", " ")));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json()).isEqualTo(new JsonObject().put("errors", new JsonObject()
        .put("email", List.of("can't be blank"))
        .put("password", List.of("can't be blank"))));
  }

  @Test
  void aMissingWrapperAndMalformedJsonAre422() {
    assertThat(api.post("/api/users/login", new JsonObject().put("email", "a@example.com")
        .put("password", "12345678")).status()).isEqualTo(422);
    assertThat(api.send("POST", "/api/users/login", "not json").status()).isEqualTo(422);
  }

  @Test
  void wrongJsonTypesAre422() {
    var response = api.post("/api/users/login", new JsonObject().put("user",
        new JsonObject().put("email", List.of("a@example.com")).put("password", 12345678)));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().getJsonObject("errors").fieldNames())
        .containsExactlyInAnyOrder("email", "password");
  }

  private static JsonObject login(String email, String password) {
    return new JsonObject().put("user", new JsonObject().put("email", email).put("password", password));
  }
}
