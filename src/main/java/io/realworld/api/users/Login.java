package io.realworld.api.users;

import io.realworld.api.config.Secret;
import io.vertx.core.json.JsonObject;

/** A login attempt. The password's length is not judged: a wrong one simply does not match. */
record Login(String email, Secret password) {

  /** Reads {@code {"email", "password"}}; 422 when either is missing or blank. */
  static Login from(JsonObject fields) {
    UserInput input = new UserInput(fields);
    Login login = new Login(input.loginEmail(), Secret.of(input.password(true, false)));
    input.throwIfInvalid();
    return login;
  }
}
