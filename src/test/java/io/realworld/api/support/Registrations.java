package io.realworld.api.support;

import io.vertx.core.json.JsonObject;

/** Registers users for tests that need someone to act as. */
public final class Registrations {

  public static final String PASSWORD = "correct horse battery";

  private Registrations() {
  }

  /** A freshly registered user with a unique name; fails the test if registration fails. */
  public static Registered register(ApiClient api) {
    String username = ApiClient.unique("user");
    String email = username + "@example.com";
    ApiClient.Response response = api.post("/api/users", body(username, email, PASSWORD));
    if (response.status() != 201) {
      throw new AssertionError("registration failed: " + response.status() + " " + response.body());
    }
    return new Registered(username, email, response.json().getJsonObject("user").getString("token"));
  }

  /** {@code {"user": {"username", "email", "password"}}}. */
  public static JsonObject body(String username, String email, String password) {
    return new JsonObject().put("user", new JsonObject()
        .put("username", username).put("email", email).put("password", password));
  }

  /** A registered user: names, and the token from the registration. */
  public record Registered(String username, String email, String token) {
  }
}
