package io.realworld.api.articles;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** The profile of an article's or comment's author, as the caller sees it. */
public record Author(String username, String bio, String image, boolean following) {

  /** Reads the columns {@code username, bio, image, following} of a row. */
  public static Author from(Row row) {
    return new Author(row.getString("username"), row.getString("bio"), row.getString("image"),
        row.getBoolean("following"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("username", username)
        .put("bio", bio)
        .put("image", image)
        .put("following", following);
  }
}
