package io.realworld.api.users;

import io.realworld.api.config.Secret;
import io.vertx.core.json.JsonObject;

/**
 * The fields a {@code PUT /user} changes. A null username, email or password is left as it is;
 * bio and image are changed only when {@code setsBio}/{@code setsImage}, and then a null value
 * clears them (the client sent null or an empty string).
 */
record UserUpdate(String username, String email, Secret password,
    boolean setsBio, String bio, boolean setsImage, String image) {

  /** Reads any subset of the user's fields; 422 listing every problem. */
  static UserUpdate from(JsonObject fields) {
    UserInput input = new UserInput(fields);
    UserUpdate update = new UserUpdate(
        input.username(false), input.email(false), Secret.of(input.password(false, true)),
        input.has("bio"), input.optionalText("bio", UserInput.BIO_MAX),
        input.has("image"), input.optionalUrl("image", UserInput.IMAGE_MAX));
    input.throwIfInvalid();
    return update;
  }
}
