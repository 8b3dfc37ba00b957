package io.realworld.api.articles;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.TestApp;
import io.realworld.api.support.TestArticles;
import io.realworld.api.support.TestUsers;
import io.realworld.api.support.TestUsers.TestUser;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
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

  @Test
  void concurrentFavoritesAndUnfavoritesLeaveTheExactCount() throws Exception {
    String slug = TestArticles.create(author, "Popular").getString("slug");
    String path = "/api/articles/" + slug + "/favorite";
    List<TestUser> fans = IntStream.range(0, 6).mapToObj(i -> TestUsers.create()).toList();

    // every fan favorites twice at once: each favorite counts once, whatever the interleaving
    everyoneAtOnce(fans, fan -> fan.api().post(path, null), 2);
    assertThat(countsShownFor(slug)).containsOnly(6L);
    everyoneAtOnce(fans.subList(0, 4), fan -> fan.api().delete(path), 2);
    assertThat(countsShownFor(slug)).containsOnly(2L);
    everyoneAtOnce(fans, fan -> fan.api().delete(path), 1);
    assertThat(countsShownFor(slug)).containsOnly(0L);
  }

  @Test
  void deletingAFavoritedArticleLeavesTheOtherArticlesCountsAlone() {
    String kept = TestArticles.create(author, "Kept").getString("slug");
    String deleted = TestArticles.create(author, "Deleted").getString("slug");
    for (String slug : List.of(kept, deleted)) {
      fan.api().post("/api/articles/" + slug + "/favorite", null);
      other.api().post("/api/articles/" + slug + "/favorite", null);
    }

    assertThat(author.api().delete("/api/articles/" + deleted).status()).isEqualTo(204);
    assertThat(countsShownFor(kept)).containsOnly(2L);
    assertThat(TestApp.client().get("/api/articles?favorited=" + fan.username()).json()
        .getJsonArray("articles").stream().map(item -> ((JsonObject) item).getString("slug")))
        .containsExactly(kept);
  }

  /** The count as the article, the author's list and a favoriter's list show it. */
  private List<Long> countsShownFor(String slug) {
    List<Long> counts = new ArrayList<>();
    counts.add(article(TestApp.client().get("/api/articles/" + slug), 200)
        .getLong("favoritesCount"));
    for (String list : List.of("/api/articles?limit=100&author=" + author.username(),
        "/api/articles?limit=100&favorited=" + fan.username())) {
      TestApp.client().get(list).json().getJsonArray("articles").stream()
          .map(JsonObject.class::cast)
          .filter(item -> item.getString("slug").equals(slug))
          .forEach(item -> counts.add(item.getLong("favoritesCount")));
    }
    return counts;
  }

  /** Each user sends the request {@code times} times, all at once; each answer must be 200. */
  private static void everyoneAtOnce(List<TestUser> users,
      Function<TestUser, ApiClient.Response> request, int times) throws Exception {
    List<Callable<ApiClient.Response>> calls = new ArrayList<>();
    for (TestUser user : users) {
      for (int i = 0; i < times; i++) {
        calls.add(() -> request.apply(user));
      }
    }
    ExecutorService threads = Executors.newFixedThreadPool(calls.size());
    try {
      for (Future<ApiClient.Response> answer : threads.invokeAll(calls)) {
        article(answer.get(), 200);
      }
    } finally {
      threads.shutdown();
    }
  }

  private static JsonObject article(ApiClient.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    return response.json().getJsonObject("article");
  }
}
