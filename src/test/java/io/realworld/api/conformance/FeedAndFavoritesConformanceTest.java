package io.realworld.api.conformance;

import static io.realworld.api.conformance.Conformance.assertArticleList;
import static io.realworld.api.conformance.Conformance.assertArticleShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The feed of followed authors, and favorites seen from the caller's side. */
class FeedAndFavoritesConformanceTest {

  private final ApiClient api = Conformance.hurl();
  private final String uid = Conformance.uid();

  // realworld-apps/realworld specs/api/hurl/feed.hurl
  @Test
  void feedShowsFollowedAuthorsWithTotalCount() {
    ApiClient main = api.withToken(Conformance.register(api, "feedm_" + uid));
    String celebName = "feedc_" + uid;
    ApiClient celeb = api.withToken(Conformance.register(api, celebName));

    var empty = main.get("/api/articles/feed");
    assertThat(assertArticleList(empty)).isEmpty();
    assertThat(empty.json().getInteger("articlesCount")).isZero();

    var follow = main.post("/api/profiles/" + celebName + "/follow", null);
    assertThat(follow.status()).as(follow.body()).isEqualTo(200);
    assertThat(follow.json().getJsonObject("profile").getBoolean("following")).isTrue();

    String slug1 = Conformance.createArticle(celeb, "Feed Article 1 " + uid);
    String slug2 = Conformance.createArticle(celeb, "Feed Article 2 " + uid);

    var feed = main.get("/api/articles/feed");
    JsonArray articles = assertArticleList(feed);
    assertThat(articles).hasSize(2);
    assertThat(feed.json().getInteger("articlesCount")).isEqualTo(2);
    assertThat(articles.getJsonObject(0).getJsonObject("author").getString("username"))
        .isEqualTo(celebName);

    var firstPage = main.get("/api/articles/feed?limit=1");
    assertThat(assertArticleList(firstPage)).hasSize(1);
    assertThat(firstPage.json().getInteger("articlesCount")).isEqualTo(2);
    assertThat(firstPage.json().getJsonArray("articles").getJsonObject(0)
        .getJsonObject("author").getBoolean("following")).isTrue();

    var secondPage = main.get("/api/articles/feed?limit=1&offset=1");
    assertThat(assertArticleList(secondPage)).hasSize(1);
    assertThat(secondPage.json().getInteger("articlesCount")).isEqualTo(2);

    assertThat(celeb.delete("/api/articles/" + slug1).status()).isEqualTo(204);
    assertThat(celeb.delete("/api/articles/" + slug2).status()).isEqualTo(204);
    assertThat(main.delete("/api/profiles/" + celebName + "/follow").status()).isEqualTo(200);
  }

  // realworld-apps/realworld specs/api/hurl/favorites.hurl
  @Test
  void favoriteAndUnfavorite() {
    String username = "fav_" + uid;
    ApiClient user = api.withToken(Conformance.register(api, username));
    String slug = Conformance.createArticle(user, "Favorite Article " + uid);

    JsonObject favorited = article(user.post("/api/articles/" + slug + "/favorite", null));
    assertThat(favorited.getBoolean("favorited")).isTrue();
    assertThat(favorited.getInteger("favoritesCount")).isEqualTo(1);
    assertThat(favorited.getJsonObject("author").getString("username")).isEqualTo(username);
    assertThat(article(user.get("/api/articles/" + slug)).getBoolean("favorited")).isTrue();

    for (ApiClient caller : new ApiClient[] {api, user}) {
      JsonArray list = assertArticleList(caller.get("/api/articles?favorited=" + username));
      assertThat(list).isNotEmpty();
      assertThat(list.getJsonObject(0).getInteger("favoritesCount")).isGreaterThanOrEqualTo(1);
    }

    JsonObject unfavorited = article(user.delete("/api/articles/" + slug + "/favorite"));
    assertThat(unfavorited.getBoolean("favorited")).isFalse();
    assertThat(unfavorited.getInteger("favoritesCount")).isZero();
    JsonObject reread = article(user.get("/api/articles/" + slug));
    assertThat(reread.getBoolean("favorited")).isFalse();
    assertThat(reread.getInteger("favoritesCount")).isZero();

    assertThat(user.delete("/api/articles/" + slug).status()).isEqualTo(204);
  }

  private static JsonObject article(ApiClient.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonObject article = response.json().getJsonObject("article");
    assertArticleShape(article);
    return article;
  }
}
