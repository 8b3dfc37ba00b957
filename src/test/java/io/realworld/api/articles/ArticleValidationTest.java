package io.realworld.api.articles;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.TestApp;
import io.realworld.api.support.TestArticles;
import io.realworld.api.support.TestUsers;
import io.realworld.api.support.TestUsers.TestUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Bad article bodies: always a 422 (or 400 for non-JSON) that names every problem, never a 500. */
class ArticleValidationTest {

  private final TestUser author = TestUsers.create();

  @Test
  void everyMissingOrBlankRequiredFieldIsReportedAtOnce() {
    var response = create(new JsonObject().put("description", "   ").putNull("body"));
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json()).isEqualTo(new JsonObject().put("errors", new JsonObject()
        .put("title", new JsonArray().add("can't be blank"))
        .put("description", new JsonArray().add("can't be blank"))
        .put("body", new JsonArray().add("can't be blank"))));
  }

  @Test
  void wrongJsonTypesAre422() {
    var response = create(new JsonObject().put("title", 42).put("description", true)
        .put("body", new JsonArray()).put("tagList", "dragons"));
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().getJsonObject("errors").fieldNames())
        .containsExactlyInAnyOrder("title", "description", "body", "tagList");
  }

  @Test
  void aMissingOrMistypedWrapperIs422() {
    var missing = author.api().post("/api/articles", new JsonObject().put("title", "t"));
    var mistyped = author.api().post("/api/articles", new JsonObject().put("article", "t"));
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.json().getJsonObject("errors").getJsonArray("article"))
        .containsExactly("can't be blank");
    assertThat(mistyped.status()).isEqualTo(422);
  }

  @Test
  void malformedJsonIs422() {
    var response = author.api().send("POST", "/api/articles", "{\"article\": {");
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().containsKey("errors")).isTrue();
  }

  @Test
  void overlongFieldsAre422() {
    var response = create(new JsonObject()
        .put("title", "t".repeat(ArticleInput.MAX_TITLE + 1))
        .put("description", "d".repeat(ArticleInput.MAX_DESCRIPTION + 1))
        .put("body", "b".repeat(ArticleInput.MAX_BODY + 1)));
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().getJsonObject("errors").fieldNames())
        .containsExactlyInAnyOrder("title", "description", "body");
  }

  @Test
  void fieldsAtTheirMaximumLengthAreAccepted() {
    // code points, not UTF-16 units: 256 dragons are 512 chars in Java
    var response = create(new JsonObject()
        .put("title", "🐉".repeat(ArticleInput.MAX_TITLE))
        .put("description", "d".repeat(ArticleInput.MAX_DESCRIPTION))
        .put("body", "b".repeat(ArticleInput.MAX_BODY))
        .put("tagList", new JsonArray(IntStream.range(0, ArticleInput.MAX_TAGS)
            .mapToObj(i -> i + "x".repeat(ArticleInput.MAX_TAG - 2)).toList())));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
  }

  @Test
  void badTagListsAre422() {
    for (Object tagList : new Object[] {
        new JsonArray().add("ok").add(7),
        new JsonArray().add("ok").add("  "),
        new JsonArray().add("t".repeat(ArticleInput.MAX_TAG + 1)),
        new JsonArray(IntStream.rangeClosed(0, ArticleInput.MAX_TAGS)
            .mapToObj(i -> "tag" + i).toList()),
        new JsonObject()}) {
      var response = create(minimal().put("tagList", tagList));
      assertThat(response.status()).as(tagList.toString()).isEqualTo(422);
      assertThat(response.json().getJsonObject("errors").fieldNames()).containsExactly("tagList");
    }
  }

  @Test
  void aNullTagListIs422OnCreateAndUpdate() {
    assertThat(create(minimal().putNull("tagList")).status()).isEqualTo(422);
    String slug = TestArticles.create(author, "Tagged", "kept").getString("slug");
    var response = update(slug, new JsonObject().putNull("tagList"));
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().getJsonObject("errors").fieldNames()).containsExactly("tagList");
  }

  @Test
  void onUpdateAnAbsentTagListKeepsTheTagsAndAnEmptyOneClearsThem() {
    String slug = TestArticles.create(author, "Retag", "one", "two").getString("slug");

    var kept = update(slug, new JsonObject().put("description", "changed"));
    assertThat(kept.json().getJsonObject("article").getJsonArray("tagList"))
        .containsExactly("one", "two");

    var replaced = update(slug,
        new JsonObject().put("tagList", new JsonArray().add("three").add("one")));
    assertThat(replaced.json().getJsonObject("article").getJsonArray("tagList"))
        .containsExactly("one", "three");

    var cleared = update(slug, new JsonObject().put("tagList", new JsonArray()));
    assertThat(cleared.json().getJsonObject("article").getJsonArray("tagList")).isEmpty();
  }

  @Test
  void onUpdateBlankOrMistypedFieldsAre422AndNothingChanges() {
    String slug = TestArticles.create(author, "Stable").getString("slug");
    var response = update(slug,
        new JsonObject().put("title", "").putNull("description").put("body", 1));
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().getJsonObject("errors").fieldNames())
        .containsExactlyInAnyOrder("title", "description", "body");
    assertThat(TestApp.client().get("/api/articles/" + slug).json().getJsonObject("article")
        .getString("title")).isEqualTo("Stable");
  }

  private static JsonObject minimal() {
    return new JsonObject()
        .put("title", ApiClient.unique("t")).put("description", "d").put("body", "b");
  }

  private ApiClient.Response create(JsonObject article) {
    return author.api().post("/api/articles", new JsonObject().put("article", article));
  }

  private ApiClient.Response update(String slug, JsonObject article) {
    return author.api().put("/api/articles/" + slug, new JsonObject().put("article", article));
  }
}
