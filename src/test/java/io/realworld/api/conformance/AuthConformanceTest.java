package io.realworld.api.conformance;

import static io.realworld.api.conformance.Conformance.PASSWORD;
import static io.realworld.api.conformance.Conformance.assertError;
import static io.realworld.api.conformance.Conformance.assertUser;
import static io.realworld.api.conformance.Conformance.user;
import static io.realworld.api.conformance.Conformance.wrap;
import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Registration, login and the current user, as the public suites exercise them. */
class AuthConformanceTest {

  private final ApiClient api = Conformance.hurl();
  private final String uid = Conformance.uid();

  // realworld-apps/realworld specs/api/hurl/auth.hurl, the whole file in order
  @Test
  void authFlow() {
    String username = "auth_" + uid;
    String email = username + "@test.com";

    JsonObject registered =
        assertUser(api.post("/api/users", user(username, email, PASSWORD)), 201);
    assertThat(registered.getString("username")).isEqualTo(username);
    assertThat(registered.getString("email")).isEqualTo(email);
    assertThat(registered.getValue("bio")).isNull();
    assertThat(registered.getValue("image")).isNull();

    JsonObject loggedIn = assertUser(api.post("/api/users/login",
        wrap("user", "email", email, "password", PASSWORD)), 200);
    assertThat(loggedIn.getString("username")).isEqualTo(username);
    assertThat(loggedIn.getValue("bio")).isNull();
    ApiClient me = api.withToken(loggedIn.getString("token"));

    JsonObject current = assertUser(me.get("/api/user"), 200);
    assertThat(current.getString("email")).isEqualTo(email);
    assertThat(current.getValue("image")).isNull();

    assertThat(update(me, "bio", "Updated bio").getString("bio")).isEqualTo("Updated bio");
    assertThat(assertUser(me.get("/api/user"), 200).getString("bio")).isEqualTo("Updated bio");

    // "Update user bio to empty string - should normalize to null", and it persists
    assertThat(update(me, "bio", "").getValue("bio")).isNull();
    assertThat(assertUser(me.get("/api/user"), 200).getValue("bio")).isNull();
    assertThat(update(me, "bio", "Temporary bio").getString("bio")).isEqualTo("Temporary bio");
    // "Update user bio to null - should accept for nullable field"
    assertThat(update(me, "bio", null).getValue("bio")).isNull();
    assertThat(assertUser(me.get("/api/user"), 200).getValue("bio")).isNull();
    assertThat(update(me, "bio", "Updated bio").getString("bio")).isEqualTo("Updated bio");

    String photo = "https://example.com/photo.jpg";
    assertThat(update(me, "image", photo).getString("image")).isEqualTo(photo);
    assertThat(assertUser(me.get("/api/user"), 200).getString("image")).isEqualTo(photo);
    assertThat(update(me, "image", "").getValue("image")).isNull();
    assertThat(assertUser(me.get("/api/user"), 200).getValue("image")).isNull();
    assertThat(update(me, "image", "https://example.com/temp.jpg").getString("image"))
        .isEqualTo("https://example.com/temp.jpg");
    assertThat(update(me, "image", null).getValue("image")).isNull();
    assertThat(assertUser(me.get("/api/user"), 200).getValue("image")).isNull();

    JsonObject renamed = assertUser(me.put("/api/user", wrap("user",
        "username", username + "_upd", "email", username + "_upd@test.com")), 200);
    assertThat(renamed.getString("username")).isEqualTo(username + "_upd");
    assertThat(renamed.getString("email")).isEqualTo(username + "_upd@test.com");
    assertThat(renamed.getString("bio")).isEqualTo("Updated bio");
    assertThat(renamed.getValue("image")).isNull();

    // "Verify username/email update persisted", with the token the update answered
    JsonObject afterRename =
        assertUser(api.withToken(renamed.getString("token")).get("/api/user"), 200);
    assertThat(afterRename.getString("username")).isEqualTo(username + "_upd");
    assertThat(afterRename.getString("email")).isEqualTo(username + "_upd@test.com");
  }

  // realworld-apps/realworld specs/api/hurl/errors_auth.hurl
  @Test
  void registrationAndLoginErrors() {
    assertError(api.post("/api/users", user("", "ea_blank_" + uid + "@test.com", PASSWORD)),
        422, "username", "can't be blank");
    assertError(api.post("/api/users", user("ea_blank_" + uid, "", PASSWORD)),
        422, "email", "can't be blank");
    assertError(api.post("/api/users", user("ea_blankp_" + uid, "ea_blankp_" + uid + "@test.com",
        "")), 422, "password", "can't be blank");

    String username = "ea_dup_" + uid;
    String token = Conformance.register(api, username);
    assertError(api.post("/api/users", user(username, "ea_dup2_" + uid + "@test.com", PASSWORD)),
        409, "username", "has already been taken");
    assertError(api.post("/api/users", user("ea_dup2_" + uid, username + "@test.com", PASSWORD)),
        409, "email", "has already been taken");

    assertError(api.post("/api/users/login", wrap("user", "email", "", "password", PASSWORD)),
        422, "email", "can't be blank");
    assertError(api.post("/api/users/login",
        wrap("user", "email", username + "@test.com", "password", "")),
        422, "password", "can't be blank");
    assertError(api.post("/api/users/login",
        wrap("user", "email", username + "@test.com", "password", "wrongpassword")),
        401, "credentials", "invalid");

    assertError(api.get("/api/user"), 401, "token", "is missing");
    assertError(api.put("/api/user", wrap("user", "bio", "test")), 401, "token", "is missing");

    // required fields cannot be emptied or nulled through PUT /user
    ApiClient me = api.withToken(token);
    assertThat(me.put("/api/user", wrap("user", "email", "")).status()).isEqualTo(422);
    assertThat(me.put("/api/user", wrap("user", "username", "")).status()).isEqualTo(422);
    assertThat(me.put("/api/user", wrap("user", "email", null)).status()).isEqualTo(422);
    assertThat(me.put("/api/user", wrap("user", "username", null)).status()).isEqualTo(422);
  }

  // gothinkster/realworld api/Conduit.postman_collection.json, folder "Auth": "Update User" sends
  // the caller's own, unchanged email, which must not count as taken
  @Test
  void updatingToTheCallersOwnEmailIsNoConflict() {
    String username = "own_" + uid;
    ApiClient me = api.withToken(Conformance.register(api, username));

    JsonObject updated =
        assertUser(me.put("/api/user", wrap("user", "email", username + "@test.com")), 200);

    assertThat(updated.getString("email")).isEqualTo(username + "@test.com");
  }

  private static JsonObject update(ApiClient me, String field, Object value) {
    return assertUser(me.put("/api/user", wrap("user", field, value)), 200);
  }
}
