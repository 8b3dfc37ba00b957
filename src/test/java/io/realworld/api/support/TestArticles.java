package io.realworld.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.TestUsers.TestUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Articles made through the API, for tests about what happens to them afterwards. */
public final class TestArticles {

  private TestArticles() {
  }

  /** Creates an article and returns it as the API answered ({@code article} unwrapped). */
  public static JsonObject create(TestUser author, String title, String... tags) {
    var response = author.api().post("/api/articles", body(title, tags));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().getJsonObject("article");
  }

  public static JsonObject body(String title, String... tags) {
    return new JsonObject().put("article", new JsonObject()
        .put("title", title)
        .put("description", "About " + title)
        .put("body", "The text of " + title)
        .put("tagList", new JsonArray(java.util.List.of(tags))));
  }
}
