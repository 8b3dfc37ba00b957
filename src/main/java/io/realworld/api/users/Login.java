package io.realworld.api.users;

import io.vertx.core.json.JsonObject;

/** A login attempt. The password's length is not judged: a wrong one simply does not match. */
record Login(String email, String password) {

  /** Reads {@code {"email", "password"}}; 422 when either is missing or blank. */
  static Login from(JsonObject fields) {
    UserInput input = new UserInput(fields);
    Login login = new Login(input.loginEmail(), input.password(true, false));
    input.throwIfInvalid();
    return login;
  }

  @Override
  public String toString() {
    return "Login[email=" + email + ", password=<redacted>]";
  }
}
