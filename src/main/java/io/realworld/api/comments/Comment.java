package io.realworld.api.comments;

import io.realworld.api.articles.Author;
import io.realworld.api.http.Timestamps;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;

/** A comment with its author as the caller sees them. */
public record Comment(long id, String body, OffsetDateTime createdAt, OffsetDateTime updatedAt,
    Author author) {

  static Comment from(Row row) {
    return new Comment(row.getLong("id"), row.getString("body"),
        row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"),
        Author.from(row));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("createdAt", Timestamps.iso(createdAt))
        .put("updatedAt", Timestamps.iso(updatedAt))
        .put("body", body)
        .put("author", author.toJson());
  }
}
