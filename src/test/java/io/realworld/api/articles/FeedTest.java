package io.realworld.api.articles;

import static io.realworld.api.articles.ArticleListTest.slugsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.TestApp;
import io.realworld.api.support.TestArticles;
import io.realworld.api.support.TestUsers;
import io.realworld.api.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

/** GET /api/articles/feed: the articles of the authors the caller follows. */
class FeedTest {

  private final TestUser reader = TestUsers.create();
  private final TestUser followed = TestUsers.create();
  private final TestUser alsoFollowed = TestUsers.create();
  private final TestUser stranger = TestUsers.create();

  @Test
  void holdsOnlyFollowedAuthorsNewestFirstWithTheirFollowingFlag() {
    TestUsers.follow(reader, followed);
    TestUsers.follow(reader, alsoFollowed);
    String first = TestArticles.create(followed, "First").getString("slug");
    TestArticles.create(stranger, "Unseen");
    TestArticles.create(reader, "My own");
    String second = TestArticles.create(alsoFollowed, "Second").getString("slug");

    var response = reader.api().get("/api/articles/feed");

    assertThat(response.status()).isEqualTo(200);
    assertThat(slugsOf(response)).containsExactly(second, first);
    assertThat(response.json().getInteger("articlesCount")).isEqualTo(2);
    assertThat(response.json().getJsonArray("articles").getJsonObject(0)
        .getJsonObject("author").getBoolean("following")).isTrue();
    assertThat(response.json().getJsonArray("articles").getJsonObject(0).containsKey("body"))
        .isFalse();
  }

  @Test
  void pagesLikeTheList() {
    TestUsers.follow(reader, followed);
    var slugs = ArticleListTest.createArticles(followed, 3);
    var response = reader.api().get("/api/articles/feed?limit=1&offset=1");
    assertThat(slugsOf(response)).containsExactly(slugs.get(1));
    assertThat(response.json().getInteger("articlesCount")).isEqualTo(3);
    assertThat(reader.api().get("/api/articles/feed?limit=0").status()).isEqualTo(422);
  }

  @Test
  void isEmptyWhenFollowingNobody() {
    TestArticles.create(stranger, "Unseen");
    var response = reader.api().get("/api/articles/feed");
    assertThat(response.json().getInteger("articlesCount")).isZero();
    assertThat(response.json().getJsonArray("articles")).isEmpty();
  }

  @Test
  void needsAToken() {
    var response = TestApp.client().get("/api/articles/feed");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().getJsonObject("errors").getJsonArray("token"))
        .containsExactly("is missing");
  }
}
