package io.realworld.api.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.Registrations;
import io.realworld.api.support.TestApp;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateUserTest {

  private final ApiClient anonymous = TestApp.client();

  @Test
  void updatesBioAndImageAndKeepsTheRest() {
    var registered = Registrations.register(anonymous);
    ApiClient api = anonymous.withToken(registered.token());

    var response = api.put("/api/user", update(new JsonObject()
        .put("bio", "I like to skateboard").put("image", "https://example.com/me.jpg")));

    assertThat(response.status()).isEqualTo(200);
    JsonObject user = response.json().getJsonObject("user");
    assertThat(user.getString("bio")).isEqualTo("I like to skateboard");
    assertThat(user.getString("image")).isEqualTo("https://example.com/me.jpg");
    assertThat(user.getString("username")).isEqualTo(registered.username());
    assertThat(user.getString("email")).isEqualTo(registered.email());
    assertThat(api.get("/api/user").json().getJsonObject("user").getString("bio"))
        .isEqualTo("I like to skateboard");
  }

  @Test
  void anEmptyStringOrNullClearsBioAndImage() {
    var registered = Registrations.register(anonymous);
    ApiClient api = anonymous.withToken(registered.token());
    api.put("/api/user", update(new JsonObject().put("bio", "something").put("image", "https://example.com/x.png")));

    var response = api.put("/api/user", update(new JsonObject().put("bio", "").putNull("image")));

    assertThat(response.status()).isEqualTo(200);
    JsonObject user = api.get("/api/user").json().getJsonObject("user");
    assertThat(user.containsKey("bio")).isTrue();
    assertThat(user.getValue("bio")).isNull();
    assertThat(user.containsKey("image")).isTrue();
    assertThat(user.getValue("image")).isNull();
  }

  @Test
  void anEmptyUpdateChangesNothing() {
    var registered = Registrations.register(anonymous);
    var response = anonymous.withToken(registered.token()).put("/api/user", update(new JsonObject()));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getJsonObject("user").getString("username"))
        .isEqualTo(registered.username());
  }

  @Test
  void aNewUsernameAndEmailKeepTheTokenValid() {
    var registered = Registrations.register(anonymous);
    ApiClient api = anonymous.withToken(registered.token());
    String username = ApiClient.unique("renamed");

    var response = api.put("/api/user", update(new JsonObject()
        .put("username", username).put("email", username + "@example.org")));

    assertThat(response.status()).isEqualTo(200);
    String token = response.json().getJsonObject("user").getString("token");
    var current = anonymous.withToken(token).get("/api/user");
    assertThat(current.status()).isEqualTo(200);
    assertThat(current.json().getJsonObject("user").getString("username")).isEqualTo(username);
    assertThat(current.json().getJsonObject("user").getString("email")).isEqualTo(username + "@example.org");
  }

  @Test
  void aNewPasswordOf64CharactersIsTheOneThatLogsIn() {
    var registered = Registrations.register(anonymous);
    String password = "p".repeat(64);

    var response = anonymous.withToken(registered.token())
        .put("/api/user", update(new JsonObject().put("password", password)));

    assertThat(response.status()).isEqualTo(200);
    assertThat(login(registered.email(), password).status()).isEqualTo(200);
    assertThat(login(registered.email(), Registrations.PASSWORD).status()).isEqualTo(401);
  }

  @Test
  void aPasswordShorterThan8Is422AndChangesNothing() {
    var registered = Registrations.register(anonymous);

    var response = anonymous.withToken(registered.token())
        .put("/api/user", update(new JsonObject().put("password", "short").put("bio", "kept?")));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().getJsonObject("errors").getJsonArray("password").getString(0))
        .isEqualTo("is too short (minimum is 8 characters)");
    assertThat(login(registered.email(), Registrations.PASSWORD).status()).isEqualTo(200);
    assertThat(anonymous.withToken(registered.token()).get("/api/user").json()
        .getJsonObject("user").getValue("bio")).isNull();
  }

  @Test
  void blankOrNullRequiredFieldsAndWrongTypesAre422() {
    var registered = Registrations.register(anonymous);

    var response = anonymous.withToken(registered.token()).put("/api/user", update(new JsonObject()
        .put("username", " ").putNull("email").put("bio", 7).put("image", "i".repeat(2049))));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json()).isEqualTo(new JsonObject().put("errors", new JsonObject()
        .put("username", List.of("can't be blank"))
        .put("email", List.of("can't be blank"))
        .put("bio", List.of("must be a string"))
        .put("image", List.of("is too long (maximum is 2048 characters)"))));
  }

  @Test
  void anInvalidEmailIs422() {
    var registered = Registrations.register(anonymous);
    var response = anonymous.withToken(registered.token())
        .put("/api/user", update(new JsonObject().put("email", "not-an-email")));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().getJsonObject("errors").getJsonArray("email").getString(0))
        .isEqualTo("is invalid");
  }

  @Test
  void someoneElsesUsernameOrEmailIs409() {
    var other = Registrations.register(anonymous);
    var registered = Registrations.register(anonymous);
    ApiClient api = anonymous.withToken(registered.token());

    var username = api.put("/api/user", update(new JsonObject().put("username", other.username().toUpperCase())));
    var email = api.put("/api/user", update(new JsonObject().put("email", other.email())));

    assertThat(username.status()).isEqualTo(409);
    assertThat(username.json()).isEqualTo(new JsonObject().put("errors",
        new JsonObject().put("username", List.of("has already been taken"))));
    assertThat(email.status()).isEqualTo(409);
    assertThat(email.json()).isEqualTo(new JsonObject().put("errors",
        new JsonObject().put("email", List.of("has already been taken"))));
  }

  @Test
  void theCallersOwnUsernameInAnotherCaseIsNotAConflict() {
    var registered = Registrations.register(anonymous);
    var response = anonymous.withToken(registered.token()).put("/api/user",
        update(new JsonObject().put("username", registered.username().toUpperCase())));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getJsonObject("user").getString("username"))
        .isEqualTo(registered.username().toUpperCase());
  }

  @Test
  void aMissingWrapperIs422AndNoTokenIs401() {
    var registered = Registrations.register(anonymous);

    assertThat(anonymous.withToken(registered.token())
        .put("/api/user", new JsonObject().put("bio", "unwrapped")).status()).isEqualTo(422);
    assertThat(anonymous.put("/api/user", update(new JsonObject().put("bio", "x"))).status())
        .isEqualTo(401);
  }

  private ApiClient.Response login(String email, String password) {
    return anonymous.post("/api/users/login", new JsonObject().put("user",
        new JsonObject().put("email", email).put("password", password)));
  }

  private static JsonObject update(JsonObject fields) {
    return new JsonObject().put("user", fields);
  }
}
