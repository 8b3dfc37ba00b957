package io.realworld.api.conformance;

import static io.realworld.api.conformance.Conformance.assertArticleList;
import static io.realworld.api.conformance.Conformance.assertArticleShape;
import static io.realworld.api.conformance.Conformance.assertError;
import static io.realworld.api.conformance.Conformance.tags;
import static io.realworld.api.conformance.Conformance.wrap;
import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Articles: create, list, filter, read, update, delete, paginate, and their errors. */
class ArticlesConformanceTest {

  private final ApiClient api = Conformance.hurl();
  private final String uid = Conformance.uid();

  // realworld-apps/realworld specs/api/hurl/articles.hurl, the whole file in order
  @Test
  void articleLifecycle() {
    String username = "art_" + uid;
    ApiClient author = api.withToken(Conformance.register(api, username));

    var created = author.post("/api/articles", wrap("article", "title", "Test Article " + uid,
        "description", "Test description", "body", "Test body content",
        "tagList", tags("d_" + uid, "t_" + uid)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonObject article = created.json().getJsonObject("article");
    assertArticleShape(article);
    assertThat(article.getString("title")).isEqualTo("Test Article " + uid);
    assertThat(article.getString("description")).isEqualTo("Test description");
    assertThat(article.getString("body")).isEqualTo("Test body content");
    assertThat(article.getJsonArray("tagList")).containsExactly("d_" + uid, "t_" + uid);
    assertThat(article.getBoolean("favorited")).isFalse();
    assertThat(article.getInteger("favoritesCount")).isZero();
    assertThat(article.getJsonObject("author").getString("username")).isEqualTo(username);
    String slug = article.getString("slug");
    String createdAt = article.getString("createdAt");
    String updatedAt = article.getString("updatedAt");

    for (ApiClient caller : new ApiClient[] {api, author}) {
      assertThat(assertArticleList(caller.get("/api/articles")).size()).isPositive();
      JsonArray byAuthor = assertArticleList(caller.get("/api/articles?author=" + username));
      assertThat(byAuthor.getJsonObject(0).getJsonObject("author").getString("username"))
          .isEqualTo(username);
    }
    JsonArray byTag = assertArticleList(api.get("/api/articles?tag=d_" + uid));
    assertThat(byTag.getJsonObject(0).getJsonArray("tagList")).contains("d_" + uid);

    JsonObject read = single(api.get("/api/articles/" + slug));
    assertThat(read.getString("slug")).isEqualTo(slug);
    assertThat(read.getString("body")).isEqualTo("Test body content");
    assertThat(read.getBoolean("favorited")).isFalse();
    assertThat(read.getJsonObject("author").getString("username")).isEqualTo(username);

    // "Update article body": the slug stays, createdAt stays, updatedAt moves, tags are kept
    JsonObject updated = single(author.put("/api/articles/" + slug,
        wrap("article", "body", "Updated body content")));
    assertThat(updated.getString("slug")).isEqualTo(slug);
    assertThat(updated.getString("title")).isEqualTo("Test Article " + uid);
    assertThat(updated.getString("body")).isEqualTo("Updated body content");
    assertThat(updated.getString("createdAt")).isEqualTo(createdAt);
    assertThat(updated.getString("updatedAt")).isNotEqualTo(updatedAt);
    assertThat(updated.getJsonArray("tagList")).containsExactlyInAnyOrder("d_" + uid, "t_" + uid);
    assertThat(single(api.get("/api/articles/" + slug)).getString("body"))
        .isEqualTo("Updated body content");

    JsonObject untouchedTags = single(author.put("/api/articles/" + slug,
        wrap("article", "body", "Body without touching tags")));
    assertThat(untouchedTags.getJsonArray("tagList")).hasSize(2);

    // "remove all tags with empty array", and it persists; "tagList null should be rejected"
    assertThat(single(author.put("/api/articles/" + slug, wrap("article", "tagList", tags())))
        .getJsonArray("tagList")).isEmpty();
    assertThat(single(api.get("/api/articles/" + slug)).getJsonArray("tagList")).isEmpty();
    assertThat(author.put("/api/articles/" + slug, wrap("article", "tagList", null)).status())
        .isEqualTo(422);

    assertThat(author.delete("/api/articles/" + slug).status()).isEqualTo(204);
    assertError(api.get("/api/articles/" + slug), 404, "article", "not found");
  }

  // gothinkster/realworld api/Conduit.postman_collection.json, "Articles by Tag": created with
  // tagList ["training", "dragons"], it expects tagList[0] "dragons" and tagList[1] "training".
  // The Hurl suite sends its tags already sorted, so sorted tags satisfy both.
  @Test
  void tagsComeBackSortedByName() {
    ApiClient author = api.withToken(Conformance.register(api, "sort_" + uid));
    String dragons = "dragons" + uid;
    String training = "training" + uid;

    String slug = Conformance.createArticle(author, "How to train your dragon " + uid,
        training, dragons);

    assertThat(single(api.get("/api/articles/" + slug)).getJsonArray("tagList"))
        .containsExactly(dragons, training);
    JsonArray byTag = assertArticleList(author.get("/api/articles?tag=" + dragons));
    assertThat(byTag.getJsonObject(0).getJsonArray("tagList")).containsExactly(dragons, training);
  }

  // realworld-apps/realworld specs/api/hurl/errors_articles.hurl
  @Test
  void articleErrors() {
    // 401 only where auth is required; where it is optional (the GETs), a bad token reads as
    // anonymous: SpecConformanceTest#badTokensAreServedAsAnonymousWhereAuthIsOptional
    assertError(api.post("/api/articles", wrap("article",
        "title", "No Auth Article", "description", "test", "body", "test")),
        401, "token", "is missing");
    assertError(api.get("/api/articles/unknown-slug-" + uid), 404, "article", "not found");
    assertError(api.put("/api/articles/some-slug", wrap("article", "body", "test")),
        401, "token", "is missing");
    assertError(api.delete("/api/articles/some-slug"), 401, "token", "is missing");
    assertError(api.get("/api/articles/feed"), 401, "token", "is missing");
    assertError(api.post("/api/articles/some-slug/favorite", null), 401, "token", "is missing");
    assertError(api.delete("/api/articles/some-slug/favorite"), 401, "token", "is missing");

    ApiClient author = api.withToken(Conformance.register(api, "ea_art_" + uid));
    assertError(author.post("/api/articles",
        wrap("article", "title", "", "description", "test", "body", "test")),
        422, "title", "can't be blank");
    assertError(author.post("/api/articles",
        wrap("article", "title", "Err Desc " + uid, "description", "", "body", "test")),
        422, "description", "can't be blank");
    assertError(author.post("/api/articles",
        wrap("article", "title", "Err Body " + uid, "description", "test", "body", "")),
        422, "body", "can't be blank");

    // "Duplicate titles are allowed (each gets a unique slug)"
    String slug1 = Conformance.createArticle(author, "Dup Title " + uid);
    String slug2 = Conformance.createArticle(author, "Dup Title " + uid);
    assertThat(slug2).isNotEqualTo(slug1);

    String unknown = "/api/articles/unknown-slug-" + uid;
    assertError(author.put(unknown, wrap("article", "body", "test")), 404, "article", "not found");
    assertError(author.post(unknown + "/favorite", null), 404, "article", "not found");
    assertError(author.delete(unknown + "/favorite"), 404, "article", "not found");
    assertError(author.delete(unknown), 404, "article", "not found");

    assertThat(author.delete("/api/articles/" + slug1).status()).isEqualTo(204);
    assertThat(author.delete("/api/articles/" + slug2).status()).isEqualTo(204);
  }

  // realworld-apps/realworld specs/api/hurl/pagination.hurl
  @Test
  void paginationIsNewestFirstAndCountsEveryMatch() {
    String username = "page_" + uid;
    ApiClient author = api.withToken(Conformance.register(api, username));
    String slug1 = Conformance.createArticle(author, "Pagination 1 " + uid);
    String slug2 = Conformance.createArticle(author, "Pagination 2 " + uid);

    var first = api.get("/api/articles?author=" + username + "&limit=1");
    assertThat(assertArticleList(first)).hasSize(1);
    assertThat(first.json().getInteger("articlesCount")).isEqualTo(2);
    assertThat(first.json().getJsonArray("articles").getJsonObject(0).getString("slug"))
        .isEqualTo(slug2);

    var second = api.get("/api/articles?author=" + username + "&limit=1&offset=1");
    assertThat(assertArticleList(second)).hasSize(1);
    assertThat(second.json().getInteger("articlesCount")).isEqualTo(2);
    assertThat(second.json().getJsonArray("articles").getJsonObject(0).getString("slug"))
        .isEqualTo(slug1);

    assertThat(author.delete("/api/articles/" + slug1).status()).isEqualTo(204);
    assertThat(author.delete("/api/articles/" + slug2).status()).isEqualTo(204);
  }

  private static JsonObject single(ApiClient.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().fieldNames()).containsExactly("article");
    JsonObject article = response.json().getJsonObject("article");
    assertArticleShape(article);
    return article;
  }
}
