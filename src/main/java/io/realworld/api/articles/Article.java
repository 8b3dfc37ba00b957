package io.realworld.api.articles;

import io.realworld.api.profiles.Profile;
import io.realworld.api.http.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An article with its author and the caller's flags. {@code body} is null in list items, which
 * are read without it.
 */
public record Article(
    long id, String slug, String title, String description, String body, List<String> tagList,
    OffsetDateTime createdAt, OffsetDateTime updatedAt,
    boolean favorited, long favoritesCount, Profile author) {

  public Article {
    tagList = List.copyOf(tagList);
  }

  /** The spec's Article, with its body. */
  public JsonObject toJson() {
    return toSummaryJson().put("body", body);
  }

  /** A list item: everything but the body. */
  public JsonObject toSummaryJson() {
    return new JsonObject()
        .put("slug", slug)
        .put("title", title)
        .put("description", description)
        .put("tagList", new JsonArray(tagList))
        .put("createdAt", Timestamps.iso(createdAt))
        .put("updatedAt", Timestamps.iso(updatedAt))
        .put("favorited", favorited)
        .put("favoritesCount", favoritesCount)
        .put("author", author.toJson());
  }
}
