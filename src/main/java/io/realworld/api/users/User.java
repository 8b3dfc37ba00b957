package io.realworld.api.users;

import io.vertx.core.json.JsonObject;

/**
 * A registered user as the API shows it to that user; bio and image are null when unset. The
 * token version is what the user's valid tokens carry; it is never shown.
 */
public record User(long id, String username, String email, String bio, String image,
    int tokenVersion) {

  /** The spec's {@code User}, without the wrapper: the token is the caller's session. */
  public JsonObject toJson(String token) {
    return new JsonObject()
        .put("email", email)
        .put("token", token)
        .put("username", username)
        .put("bio", bio)
        .put("image", image);
  }
}
