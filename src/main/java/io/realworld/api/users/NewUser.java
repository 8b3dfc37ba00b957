package io.realworld.api.users;

import io.vertx.core.json.JsonObject;

/** A valid registration: username, email and a password of acceptable length. */
record NewUser(String username, String email, String password) {

  /** Reads {@code {"username", "email", "password"}}; 422 listing every problem. */
  static NewUser from(JsonObject fields) {
    UserInput input = new UserInput(fields);
    NewUser user = new NewUser(input.username(true), input.email(true), input.password(true, true));
    input.throwIfInvalid();
    return user;
  }

  @Override
  public String toString() {
    return "NewUser[username=" + username + ", email=" + email + ", password=<redacted>]";
  }
}
