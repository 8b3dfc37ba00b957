package io.realworld.api.users;

import io.realworld.api.config.Secret;
import io.vertx.core.json.JsonObject;

/** A valid registration: username, email and a password of acceptable length. */
record NewUser(String username, String email, Secret password) {

  /** Reads {@code {"username", "email", "password"}}; 422 listing every problem. */
  static NewUser from(JsonObject fields) {
    UserInput input = new UserInput(fields);
    NewUser user = new NewUser(input.username(true), input.email(true),
        Secret.of(input.password(true, true)));
    input.throwIfInvalid();
    return user;
  }
}
