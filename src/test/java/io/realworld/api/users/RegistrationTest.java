package io.realworld.api.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.Registrations;
import io.realworld.api.support.TestApp;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RegistrationTest {

  private final ApiClient api = TestApp.client();

  @Test
  void registersAndAnswersTheUserWithAWorkingToken() {
    String username = ApiClient.unique("reg");
    var response = api.post("/api/users", Registrations.body(username, username + "@example.com",
        "secret-password"));

    assertThat(response.status()).isEqualTo(201);
    JsonObject user = response.json().getJsonObject("user");
    assertThat(user.fieldNames()).containsExactlyInAnyOrder("email", "token", "username", "bio", "image");
    assertThat(user.getString("username")).isEqualTo(username);
    assertThat(user.getString("email")).isEqualTo(username + "@example.com");
    assertThat(user.getValue("bio")).isNull();
    assertThat(user.getValue("image")).isNull();
    var current = api.withToken(user.getString("token")).get("/api/user");
    assertThat(current.status()).isEqualTo(200);
    assertThat(current.json().getJsonObject("user").getString("username")).isEqualTo(username);
  }

  @Test
  void missingOrBlankFieldsAreAllReportedAtOnce() {
    var response = api.post("/api/users", new JsonObject().put("user",
        new JsonObject().put("username", "   ").put("email", "")));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json()).isEqualTo(new JsonObject().put("errors", new JsonObject()
        .put("username", List.of("can't be blank"))
        .put("email", List.of("can't be blank"))
        .put("password", List.of("can't be blank"))));
  }

  @Test
  void wrongJsonTypesAre422() {
    var response = api.post("/api/users", new JsonObject().put("user", new JsonObject()
        .put("username", 42).put("email", true).put("password", new JsonObject())));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().getJsonObject("errors").fieldNames())
        .containsExactlyInAnyOrder("username", "email", "password");
    assertThat(response.json().getJsonObject("errors").getJsonArray("username").getString(0))
        .isEqualTo("must be a string");
  }

  @Test
  void aMissingOrMistypedUserWrapperIs422() {
    var unwrapped = api.post("/api/users", new JsonObject()
        .put("username", ApiClient.unique("u")).put("email", "a@example.com").put("password", "12345678"));
    var notAnObject = api.post("/api/users", new JsonObject().put("user", "me"));

    assertThat(unwrapped.status()).isEqualTo(422);
    assertThat(unwrapped.json().getJsonObject("errors").containsKey("user")).isTrue();
    assertThat(notAnObject.status()).isEqualTo(422);
    assertThat(notAnObject.json().getJsonObject("errors").containsKey("user")).isTrue();
  }

  @Test
  void malformedJsonIs422() {
    var response = api.send("POST", "/api/users", "{\"user\": {\"username\": ");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().getJsonObject("errors").getJsonArray("body"))
        .containsExactly("is not valid JSON");
  }

  @Test
  void anImplausibleEmailIs422() {
    for (String email : List.of("no-at-sign", "two@@example.com", "a@nodot", "spa ce@example.com")) {
      var response = api.post("/api/users",
          Registrations.body(ApiClient.unique("mail"), email, "secret-password"));
      assertThat(response.status()).as(email).isEqualTo(422);
      assertThat(response.json().getJsonObject("errors").getJsonArray("email").getString(0))
          .as(email).isEqualTo("is invalid");
    }
  }

  @Test
  void aPasswordShorterThan8Is422() {
    var response = api.post("/api/users",
        Registrations.body(ApiClient.unique("short"), ApiClient.unique("s") + "@example.com", "1234567"));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().getJsonObject("errors").getJsonArray("password").getString(0))
        .isEqualTo("is too short (minimum is 8 characters)");
  }

  @Test
  void overlongFieldsAre422() {
    var response = api.post("/api/users", Registrations.body("u".repeat(65),
        "a".repeat(250) + "@example.com", "p".repeat(257)));

    assertThat(response.status()).isEqualTo(422);
    JsonObject errors = response.json().getJsonObject("errors");
    assertThat(errors.getJsonArray("username").getString(0)).isEqualTo("is too long (maximum is 64 characters)");
    assertThat(errors.getJsonArray("email").getString(0)).isEqualTo("is too long (maximum is 254 characters)");
    assertThat(errors.getJsonArray("password").getString(0)).isEqualTo("is too long (maximum is 256 characters)");
  }

  @Test
  void unicodeNamesAreKeptAsTyped() {
    String username = "Zoë-猫-" + ApiClient.unique("");
    var response = api.post("/api/users",
        Registrations.body(username, ApiClient.unique("u") + "@example.com", "pässwörd-ünïcødé"));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().getJsonObject("user").getString("username")).isEqualTo(username);
  }

  @Test
  void aTakenUsernameIs409RegardlessOfCase() {
    var first = Registrations.register(api);
    var response = api.post("/api/users", Registrations.body(first.username().toUpperCase(),
        ApiClient.unique("other") + "@example.com", "secret-password"));

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json()).isEqualTo(new JsonObject().put("errors",
        new JsonObject().put("username", List.of("has already been taken"))));
  }

  @Test
  void aTakenEmailIs409RegardlessOfCase() {
    var first = Registrations.register(api);
    var response = api.post("/api/users", Registrations.body(ApiClient.unique("other"),
        first.email().toUpperCase(), "secret-password"));

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json()).isEqualTo(new JsonObject().put("errors",
        new JsonObject().put("email", List.of("has already been taken"))));
  }

  @Test
  void aTakenUsernameAndEmailAreBothReported() {
    var first = Registrations.register(api);
    var response = api.post("/api/users",
        Registrations.body(first.username(), first.email(), "secret-password"));

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json()).isEqualTo(new JsonObject().put("errors", new JsonObject()
        .put("username", List.of("has already been taken"))
        .put("email", List.of("has already been taken"))));
  }

  @Test
  void concurrentRegistrationsOfOneNameGiveOne201AndOtherwise409NeverA500() {
    String username = ApiClient.unique("race");
    List<CompletableFuture<Integer>> attempts = IntStream.range(0, 6)
        .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.post("/api/users",
            Registrations.body(username, ApiClient.unique("race") + "@example.com", "secret-password"))
            .status()))
        .toList();

    List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();
    assertThat(statuses).containsOnly(201, 409);
    assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
  }
}
