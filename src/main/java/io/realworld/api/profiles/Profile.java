package io.realworld.api.profiles;

import io.vertx.core.json.JsonObject;

/**
 * A user as others see them: {@code following} is from the viewer's point of view (false for an
 * anonymous one). The id is for joins and checks, never shown.
 */
public record Profile(long userId, String username, String bio, String image, boolean following) {

  /** The spec's {@code Profile}, without the wrapper. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("username", username)
        .put("bio", bio)
        .put("image", image)
        .put("following", following);
  }

  Profile withFollowing(boolean following) {
    return new Profile(userId, username, bio, image, following);
  }
}
