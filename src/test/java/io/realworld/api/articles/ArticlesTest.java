package io.realworld.api.articles;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.TestApp;
import io.realworld.api.support.TestArticles;
import io.realworld.api.support.TestUsers;
import io.realworld.api.support.TestUsers.TestUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Create, read, update and delete one article, and who may do which. */
class ArticlesTest {

  static final String ISO_MILLIS_UTC =
      "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

  private final ApiClient anonymous = TestApp.client();
  private final TestUser author = TestUsers.create(ApiClient.unique("author"), "I write", null);
  private final TestUser reader = TestUsers.create();

  @Test
  void createAnswers201WithTheWholeArticle() {
    var response = author.api().post("/api/articles", new JsonObject().put("article",
        new JsonObject().put("title", "How to train your dragon").put("description", "Ever wonder?")
            .put("body", "You have to believe")
            .put("tagList", new JsonArray().add("dragons").add("training"))));

    assertThat(response.status()).isEqualTo(201);
    JsonObject article = response.json().getJsonObject("article");
    assertThat(article.getString("slug")).startsWith("how-to-train-your-dragon");
    assertThat(article.getString("title")).isEqualTo("How to train your dragon");
    assertThat(article.getString("description")).isEqualTo("Ever wonder?");
    assertThat(article.getString("body")).isEqualTo("You have to believe");
    assertThat(article.getJsonArray("tagList")).containsExactly("dragons", "training");
    assertThat(article.getBoolean("favorited")).isFalse();
    assertThat(article.getInteger("favoritesCount")).isZero();
    assertThat(article.getJsonObject("author")).isEqualTo(new JsonObject()
        .put("username", author.username()).put("bio", "I write").putNull("image")
        .put("following", false));
    assertThat(article.getString("createdAt")).matches(ISO_MILLIS_UTC);
    assertThat(article.getString("updatedAt")).isEqualTo(article.getString("createdAt"));
    assertThat(Instant.parse(article.getString("createdAt")))
        .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
  }

  @Test
  void tagListIsOptionalDeduplicatedAndSortedByName() {
    var noTags = author.api().post("/api/articles", new JsonObject().put("article", new JsonObject()
        .put("title", "No tags").put("description", "d").put("body", "b")));
    assertThat(noTags.json().getJsonObject("article").getJsonArray("tagList")).isEmpty();

    JsonObject article = TestArticles.create(author, "Tags", "zebra", "apple", "zebra", " mango ");
    assertThat(article.getJsonArray("tagList")).containsExactly("apple", "mango", "zebra");
    assertThat(anonymous.get("/api/articles/" + article.getString("slug")).json()
        .getJsonObject("article").getJsonArray("tagList"))
        .containsExactly("apple", "mango", "zebra");
  }

  @Test
  void anUpdatedTagListIsSortedEverywhereTheArticleIsShownAndAMissingOneKeepsTheTags() {
    String tag = ApiClient.unique("tag");
    JsonObject created = TestArticles.create(author, "Retagged", "zebra", "apple");
    String path = "/api/articles/" + created.getString("slug");

    var retagged = author.api().put(path, new JsonObject().put("article", new JsonObject()
        .put("tagList", new JsonArray().add("Zulu").add(tag).add("beta").add("alpha"))));
    List<String> expected = List.of("Zulu", "alpha", "beta", tag); // code point order
    assertThat(retagged.json().getJsonObject("article").getJsonArray("tagList").getList())
        .isEqualTo(expected);
    var untouched = author.api().put(path, new JsonObject().put("article",
        new JsonObject().put("description", "Only the description")));
    assertThat(untouched.json().getJsonObject("article").getJsonArray("tagList").getList())
        .isEqualTo(expected);
    assertThat(anonymous.get(path).json().getJsonObject("article").getJsonArray("tagList")
        .getList()).isEqualTo(expected);
    JsonObject listed = anonymous.get("/api/articles?tag=" + tag).json();
    assertThat(listed.getInteger("articlesCount")).isEqualTo(1);
    assertThat(listed.getJsonArray("articles").getJsonObject(0).getJsonArray("tagList").getList())
        .isEqualTo(expected);
    assertThat(anonymous.get("/api/articles?tag=zebra&author=" + author.username()).json()
        .getInteger("articlesCount")).isZero();

    var cleared = author.api().put(path, new JsonObject().put("article",
        new JsonObject().put("tagList", new JsonArray())));
    assertThat(cleared.json().getJsonObject("article").getJsonArray("tagList")).isEmpty();
    assertThat(anonymous.get("/api/articles?tag=" + tag).json().getInteger("articlesCount"))
        .isZero();
  }

  @Test
  void duplicateTitlesGetDistinctSlugs() {
    String title = ApiClient.unique("Same title ");
    String first = TestArticles.create(author, title).getString("slug");
    String second = TestArticles.create(reader, title).getString("slug");

    assertThat(first).isEqualTo(Slugs.slugify(title));
    assertThat(second).startsWith(first + "-").isNotEqualTo(first);
    assertThat(anonymous.get("/api/articles/" + second).json().getJsonObject("article")
        .getJsonObject("author").getString("username")).isEqualTo(reader.username());
  }

  @Test
  void aTitleThatSlugifiesToFeedDoesNotHideBehindTheFeedRoute() {
    String slug = TestArticles.create(author, "Feed").getString("slug");
    assertThat(slug).matches("feed-[0-9a-z]{6}");
    assertThat(anonymous.get("/api/articles/" + slug).status()).isEqualTo(200);
  }

  @Test
  void unicodeTitlesAreReadableThroughTheirEncodedSlug() {
    JsonObject article = TestArticles.create(author, ApiClient.unique("Ünïcödé 日本語 "));
    String path = "/api/articles/"
        + URLEncoder.encode(article.getString("slug"), StandardCharsets.UTF_8);
    var response = anonymous.get(path);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getJsonObject("article").getString("title"))
        .isEqualTo(article.getString("title"));
  }

  @Test
  void getIsOpenToAnonymousCallersAndCarriesTheBody() {
    JsonObject created = TestArticles.create(author, "Readable");
    var response = anonymous.get("/api/articles/" + created.getString("slug"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getJsonObject("article")).isEqualTo(created);
  }

  @Test
  void unknownSlugsAre404ForEveryOperation() {
    String path = "/api/articles/" + ApiClient.unique("no-such-article-");
    JsonObject notFound = new JsonObject().put("errors",
        new JsonObject().put("article", new JsonArray().add("not found")));
    for (var response : new ApiClient.Response[] {
        anonymous.get(path),
        author.api().put(path, new JsonObject().put("article", new JsonObject().put("body", "x"))),
        author.api().delete(path),
        author.api().post(path + "/favorite", null),
        author.api().delete(path + "/favorite")}) {
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.json()).isEqualTo(notFound);
    }
  }

  @Test
  void updateChangesOnlyTheGivenFieldsAndMovesUpdatedAt() throws InterruptedException {
    JsonObject created = TestArticles.create(author, ApiClient.unique("Before "), "keep");
    Thread.sleep(5); // so that the update is at a later millisecond than the creation
    var response = author.api().put("/api/articles/" + created.getString("slug"),
        new JsonObject().put("article", new JsonObject().put("body", "New body")));

    assertThat(response.status()).isEqualTo(200);
    JsonObject updated = response.json().getJsonObject("article");
    assertThat(updated.getString("body")).isEqualTo("New body");
    assertThat(updated.getString("title")).isEqualTo(created.getString("title"));
    assertThat(updated.getString("description")).isEqualTo(created.getString("description"));
    assertThat(updated.getString("slug")).isEqualTo(created.getString("slug"));
    assertThat(updated.getJsonArray("tagList")).containsExactly("keep");
    assertThat(updated.getString("createdAt")).isEqualTo(created.getString("createdAt"));
    assertThat(Instant.parse(updated.getString("updatedAt")))
        .isAfter(Instant.parse(created.getString("updatedAt")));
  }

  @Test
  void aNewTitleGivesANewSlugAndTheOldSlugIsGone() {
    JsonObject created = TestArticles.create(author, ApiClient.unique("Old title "));
    String newTitle = ApiClient.unique("New title ");
    var response = author.api().put("/api/articles/" + created.getString("slug"),
        new JsonObject().put("article", new JsonObject().put("title", newTitle)));

    assertThat(response.status()).isEqualTo(200);
    String slug = response.json().getJsonObject("article").getString("slug");
    assertThat(slug).isEqualTo(Slugs.slugify(newTitle));
    assertThat(anonymous.get("/api/articles/" + slug).status()).isEqualTo(200);
    assertThat(anonymous.get("/api/articles/" + created.getString("slug")).status()).isEqualTo(404);
  }

  @Test
  void aTitleChangeThatSlugifiesAlikeKeepsTheSlug() {
    String title = ApiClient.unique("quiet title ");
    JsonObject created = TestArticles.create(author, title);
    var response = author.api().put("/api/articles/" + created.getString("slug"),
        new JsonObject().put("article", new JsonObject().put("title", title.toUpperCase() + "!")));
    assertThat(response.json().getJsonObject("article").getString("slug"))
        .isEqualTo(created.getString("slug"));
  }

  @Test
  void aNewTitleTakenByAnotherArticleGetsASuffixedSlug() {
    String taken = ApiClient.unique("Taken ");
    String takenSlug = TestArticles.create(reader, taken).getString("slug");
    JsonObject mine = TestArticles.create(author, ApiClient.unique("Mine "));
    var response = author.api().put("/api/articles/" + mine.getString("slug"),
        new JsonObject().put("article", new JsonObject().put("title", taken)));
    assertThat(response.json().getJsonObject("article").getString("slug"))
        .startsWith(takenSlug + "-").isNotEqualTo(takenSlug);
  }

  @Test
  void onlyTheAuthorMayUpdateOrDelete() {
    String path = "/api/articles/" + TestArticles.create(author, "Mine").getString("slug");
    JsonObject forbidden = new JsonObject().put("errors",
        new JsonObject().put("article", new JsonArray().add("forbidden")));

    var update = reader.api().put(path,
        new JsonObject().put("article", new JsonObject().put("body", "hijacked")));
    var delete = reader.api().delete(path);

    assertThat(update.status()).isEqualTo(403);
    assertThat(update.json()).isEqualTo(forbidden);
    assertThat(delete.status()).isEqualTo(403);
    assertThat(delete.json()).isEqualTo(forbidden);
    assertThat(anonymous.get(path).json().getJsonObject("article").getString("body"))
        .isEqualTo("The text of Mine");
  }

  @Test
  void deleteAnswers204AndTheArticleIsGone() {
    String path =
        "/api/articles/" + TestArticles.create(author, "Doomed", "doomed").getString("slug");
    var response = author.api().delete(path);
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(anonymous.get(path).status()).isEqualTo(404);
  }

  @Test
  void writesNeedAToken() {
    String path = "/api/articles/" + TestArticles.create(author, "Guarded").getString("slug");
    JsonObject missing = new JsonObject().put("errors",
        new JsonObject().put("token", new JsonArray().add("is missing")));
    for (var response : new ApiClient.Response[] {
        anonymous.post("/api/articles", TestArticles.body("Anonymous")),
        anonymous.put(path, new JsonObject().put("article", new JsonObject().put("body", "x"))),
        anonymous.delete(path),
        anonymous.post(path + "/favorite", null),
        anonymous.delete(path + "/favorite")}) {
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.json()).isEqualTo(missing);
    }
  }
}
