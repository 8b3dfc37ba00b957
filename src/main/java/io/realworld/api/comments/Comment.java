package io.realworld.api.comments;

import io.realworld.api.http.Timestamps;
import io.realworld.api.profiles.Profile;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;

/** A comment with its author as the caller sees them. */
public record Comment(long id, String body, OffsetDateTime createdAt, OffsetDateTime updatedAt,
    Profile author) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("createdAt", Timestamps.iso(createdAt))
        .put("updatedAt", Timestamps.iso(updatedAt))
        .put("body", body)
        .put("author", author.toJson());
  }
}
