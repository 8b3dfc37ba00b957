package io.realworld.api.articles;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.TestApp;
import io.realworld.api.support.TestArticles;
import io.realworld.api.support.TestUsers;
import io.realworld.api.support.TestUsers.TestUser;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Favorites, and the flags that depend on who is asking. */
class FavoritesTest {

  private final TestUser author = TestUsers.create();
  private final TestUser fan = TestUsers.create();
  private final TestUser other = TestUsers.create();

  @Test
  void favoriteAndUnfavoriteAreIdempotent() {
    String path = "/api/articles/" + TestArticles.create(author, "Likeable").getString("slug");

    JsonObject once = article(fan.api().post(path + "/favorite", null), 200);
    JsonObject twice = article(fan.api().post(path + "/favorite", null), 200);
    assertThat(once.getBoolean("favorited")).isTrue();
    assertThat(once.getInteger("favoritesCount")).isEqualTo(1);
    assertThat(twice.getInteger("favoritesCount")).isEqualTo(1);

    article(other.api().post(path + "/favorite", null), 200);
    JsonObject undone = article(fan.api().delete(path + "/favorite"), 200);
    JsonObject undoneAgain = article(fan.api().delete(path + "/favorite"), 200);
    assertThat(undone.getBoolean("favorited")).isFalse();
    assertThat(undone.getInteger("favoritesCount")).isEqualTo(1);
    assertThat(undoneAgain.getInteger("favoritesCount")).isEqualTo(1);
  }

  @Test
  void flagsAreFromTheCallersViewpoint() {
    TestUsers.follow(fan, author);
    String slug = TestArticles.create(author, "Viewpoints").getString("slug");
    fan.api().post("/api/articles/" + slug + "/favorite", null);
    String path = "/api/articles/" + slug;

    JsonObject asFan = article(fan.api().get(path), 200);
    JsonObject asOther = article(other.api().get(path), 200);
    JsonObject asAnonymous = article(TestApp.client().get(path), 200);

    assertThat(asFan.getBoolean("favorited")).isTrue();
    assertThat(asFan.getJsonObject("author").getBoolean("following")).isTrue();
    for (JsonObject view : new JsonObject[] {asOther, asAnonymous}) {
      assertThat(view.getBoolean("favorited")).isFalse();
      assertThat(view.getJsonObject("author").getBoolean("following")).isFalse();
      assertThat(view.getInteger("favoritesCount")).isEqualTo(1);
    }
  }

  @Test
  void listsCarryTheSameFlags() {
    TestUsers.follow(fan, author);
    String slug = TestArticles.create(author, "Listed").getString("slug");
    fan.api().post("/api/articles/" + slug + "/favorite", null);
    String list = "/api/articles?author=" + author.username();

    JsonObject asFan = fan.api().get(list).json().getJsonArray("articles").getJsonObject(0);
    JsonObject asAnonymous =
        TestApp.client().get(list).json().getJsonArray("articles").getJsonObject(0);

    assertThat(asFan.getBoolean("favorited")).isTrue();
    assertThat(asFan.getJsonObject("author").getBoolean("following")).isTrue();
    assertThat(asFan.getInteger("favoritesCount")).isEqualTo(1);
    assertThat(asAnonymous.getBoolean("favorited")).isFalse();
    assertThat(asAnonymous.getJsonObject("author").getBoolean("following")).isFalse();
    assertThat(asAnonymous.getInteger("favoritesCount")).isEqualTo(1);
  }

  private static JsonObject article(ApiClient.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    return response.json().getJsonObject("article");
  }
}
