package io.realworld.api.articles;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.TestApp;
import io.realworld.api.support.TestArticles;
import io.realworld.api.support.TestUsers;
import io.realworld.api.support.TestUsers.TestUser;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /api/articles: filters, paging, order and shape. Tests share the database, so each
 * narrows the list to data of its own (a fresh author, tag or favoriter). */
class ArticleListTest {

  private final ApiClient anonymous = TestApp.client();
  private final TestUser author = TestUsers.create();

  @Test
  void listsNewestFirstWithTheTotalCountAndWithoutBodies() {
    List<String> slugs = createArticles(author, 3);
    var response = anonymous.get("/api/articles?author=" + author.username());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getInteger("articlesCount")).isEqualTo(3);
    assertThat(slugsOf(response)).containsExactly(slugs.get(2), slugs.get(1), slugs.get(0));
    JsonObject item = response.json().getJsonArray("articles").getJsonObject(0);
    assertThat(item.containsKey("body")).isFalse();
    assertThat(item.fieldNames()).containsExactlyInAnyOrder("slug", "title", "description",
        "tagList", "createdAt", "updatedAt", "favorited", "favoritesCount", "author");
  }

  @Test
  void limitAndOffsetPickAPageWhileTheCountStaysTheTotal() {
    List<String> slugs = createArticles(author, 5); // newest last
    var page = anonymous.get("/api/articles?author=" + author.username() + "&limit=2&offset=1");
    assertThat(page.json().getInteger("articlesCount")).isEqualTo(5);
    assertThat(slugsOf(page)).containsExactly(slugs.get(3), slugs.get(2));

    var beyond = anonymous.get("/api/articles?author=" + author.username() + "&offset=10");
    assertThat(beyond.json().getInteger("articlesCount")).isEqualTo(5);
    assertThat(beyond.json().getJsonArray("articles")).isEmpty();
  }

  @Test
  void theDefaultLimitIsTwenty() {
    createArticles(author, 21);
    var response = anonymous.get("/api/articles?author=" + author.username());
    assertThat(response.json().getJsonArray("articles")).hasSize(20);
    assertThat(response.json().getInteger("articlesCount")).isEqualTo(21);
  }

  @Test
  void filtersByTag() {
    String tag = ApiClient.unique("tag");
    String tagged = TestArticles.create(author, "Tagged", "other", tag).getString("slug");
    TestArticles.create(author, "Untagged", "other");
    var response = anonymous.get("/api/articles?tag=" + tag);
    assertThat(slugsOf(response)).containsExactly(tagged);
    assertThat(response.json().getInteger("articlesCount")).isEqualTo(1);
    assertThat(response.json().getJsonArray("articles").getJsonObject(0).getJsonArray("tagList"))
        .containsExactly("other", tag);
  }

  @Test
  void filtersByAuthorRegardlessOfCase() {
    String mine = TestArticles.create(author, "By me").getString("slug");
    TestArticles.create(TestUsers.create(), "By someone else");
    var response = anonymous.get("/api/articles?author=" + author.username().toUpperCase());
    assertThat(slugsOf(response)).containsExactly(mine);
  }

  @Test
  void filtersByTheUserWhoFavorited() {
    TestUser fan = TestUsers.create();
    String liked = TestArticles.create(author, "Liked").getString("slug");
    TestArticles.create(author, "Ignored");
    fan.api().post("/api/articles/" + liked + "/favorite", null);

    var response = anonymous.get("/api/articles?favorited=" + fan.username());
    assertThat(slugsOf(response)).containsExactly(liked);
    assertThat(response.json().getInteger("articlesCount")).isEqualTo(1);
  }

  @Test
  void filtersCombine() {
    String tag = ApiClient.unique("tag");
    String both = TestArticles.create(author, "Both", tag).getString("slug");
    TestArticles.create(TestUsers.create(), "Same tag, other author", tag);
    var response = anonymous.get("/api/articles?tag=" + tag + "&author=" + author.username());
    assertThat(slugsOf(response)).containsExactly(both);
  }

  @Test
  void unknownFilterValuesGiveAnEmptyList() {
    for (String query : List.of("tag=", "author=", "favorited=")) {
      var response = anonymous.get("/api/articles?" + query + ApiClient.unique("nobody"));
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json().getInteger("articlesCount")).isZero();
      assertThat(response.json().getJsonArray("articles")).isEmpty();
    }
  }

  @Test
  void invalidPagingIs422InTheSpecsFormat() {
    for (String query : List.of("limit=0", "limit=-1", "limit=abc", "limit=101", "offset=-1",
        "offset=x", "offset=10001", "limit=99999999999999999999")) {
      var response = anonymous.get("/api/articles?" + query);
      assertThat(response.status()).as(query).isEqualTo(422);
      assertThat(response.json().getJsonObject("errors").fieldNames()).as(query).hasSize(1);
    }
  }

  // auth is optional: a stale token must not log a frontend out (InvalidTokensReadAsAnonymousTest)
  @Test
  void anInvalidTokenIsServedAsAnonymousWithAChallenge() {
    createArticles(author, 1);
    String path = "/api/articles?author=" + author.username();

    var response = anonymous.withToken("not-a-jwt").get(path);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(anonymous.get(path).json());
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Token error=\"invalid_token\"");
  }

  static List<String> createArticles(TestUser author, int count) {
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> TestArticles.create(author, "Article " + i).getString("slug"))
        .toList();
  }

  static List<String> slugsOf(ApiClient.Response response) {
    return response.json().getJsonArray("articles").stream()
        .map(item -> ((JsonObject) item).getString("slug")).toList();
  }
}
