package io.realworld.api.tags;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.TestApp;
import io.realworld.api.support.TestArticles;
import io.realworld.api.support.TestUsers;
import io.realworld.api.support.TestUsers.TestUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagsTest {

  private final ApiClient anonymous = TestApp.client();
  private final TestUser author = TestUsers.create();

  @Test
  void listsTheTagsArticlesCarryMostUsedFirst() {
    String rare = ApiClient.unique("rare");
    String common = ApiClient.unique("common");
    TestArticles.create(author, "One", rare, common);
    TestArticles.create(author, "Two", common);

    var response = anonymous.get("/api/tags");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().fieldNames()).containsExactly("tags");
    var tags = response.json().getJsonArray("tags").getList();
    assertThat(tags).contains(rare, common);
    assertThat(tags.indexOf(common)).isLessThan(tags.indexOf(rare));
  }

  @Test
  void theListIsBoundedToTheMostUsedTags() {
    String everywhere = ApiClient.unique("everywhere");
    int articles = TagsRepository.MAX_LISTED / 19 + 1;
    List<String> slugs = new ArrayList<>();
    try {
      for (int a = 0; a < articles; a++) {
        String[] tags = new String[20];
        tags[0] = everywhere;
        for (int t = 1; t < tags.length; t++) {
          tags[t] = ApiClient.unique("many");
        }
        slugs.add(TestArticles.create(author, "Tagged " + a, tags).getString("slug"));
      }

      var tags = anonymous.get("/api/tags").json().getJsonArray("tags").getList();

      assertThat(tags).hasSize(TagsRepository.MAX_LISTED).contains(everywhere);
    } finally {
      // tags no article carries are not listed: the other tests of the shared database see none
      slugs.forEach(slug -> author.api().delete("/api/articles/" + slug));
    }
  }

  @Test
  void aTagNoArticleCarriesAnyMoreIsNotListed() {
    String tag = ApiClient.unique("gone");
    JsonObject article = TestArticles.create(author, "Short-lived", tag);
    assertThat(anonymous.get("/api/tags").json().getJsonArray("tags").getList()).contains(tag);

    author.api().delete("/api/articles/" + article.getString("slug"));

    assertThat(anonymous.get("/api/tags").json().getJsonArray("tags").getList())
        .doesNotContain(tag);
  }

  @Test
  void aTagGivenByAnUpdateIsListedAtOnce() {
    JsonObject article = TestArticles.create(author, "Retagged", ApiClient.unique("before"));
    anonymous.get("/api/tags"); // the answer is now remembered
    String added = ApiClient.unique("after");

    author.api().put("/api/articles/" + article.getString("slug"), new JsonObject()
        .put("article", new JsonObject().put("tagList", new JsonArray().add(added))));

    assertThat(anonymous.get("/api/tags").json().getJsonArray("tags").getList()).contains(added);
  }
}
