package io.realworld.api.comments;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.TestApp;
import io.realworld.api.support.TestArticles;
import io.realworld.api.support.TestUsers;
import io.realworld.api.support.TestUsers.TestUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommentsTest {

  private final ApiClient anonymous = TestApp.client();
  private final TestUser author = TestUsers.create();
  private final TestUser commenter =
      TestUsers.create(ApiClient.unique("commenter"), null, "https://img.example/c.png");
  private final String path =
      "/api/articles/" + TestArticles.create(author, "Discussed").getString("slug") + "/comments";

  @Test
  void createAnswers201WithTheComment() {
    var response = commenter.api().post(path, comment("Thank you so much!"));
    assertThat(response.status()).isEqualTo(201);
    JsonObject comment = response.json().getJsonObject("comment");
    assertThat(comment.getLong("id")).isPositive();
    assertThat(comment.getString("body")).isEqualTo("Thank you so much!");
    assertThat(comment.getString("createdAt"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(comment.getString("updatedAt")).isEqualTo(comment.getString("createdAt"));
    assertThat(comment.getJsonObject("author")).isEqualTo(new JsonObject()
        .put("username", commenter.username()).putNull("bio")
        .put("image", "https://img.example/c.png").put("following", false));
  }

  @Test
  void listsNewestFirstWithTheCallersFollowingFlag() {
    long first = id(commenter.api().post(path, comment("first")));
    long second = id(author.api().post(path, comment("second")));
    TestUser follower = TestUsers.create();
    TestUsers.follow(follower, commenter);

    var asFollower = follower.api().get(path);
    var asAnonymous = anonymous.get(path);

    assertThat(asFollower.status()).isEqualTo(200);
    assertThat(ids(asFollower)).containsExactly(second, first);
    JsonArray comments = asFollower.json().getJsonArray("comments");
    assertThat(comments.getJsonObject(1).getJsonObject("author").getBoolean("following")).isTrue();
    assertThat(comments.getJsonObject(0).getJsonObject("author").getBoolean("following")).isFalse();
    assertThat(asAnonymous.json().getJsonArray("comments").getJsonObject(1)
        .getJsonObject("author").getBoolean("following")).isFalse();
  }

  @Test
  void theListIsBoundedToTheNewestComments() {
    int posted = CommentsRepository.MAX_LISTED + 5;
    List<Long> ids = new java.util.ArrayList<>();
    for (int i = 0; i < posted; i++) {
      ids.add(id(commenter.api().post(path, comment("comment " + i))));
    }

    JsonArray listed = anonymous.get(path).json().getJsonArray("comments");

    assertThat(listed.size()).isEqualTo(CommentsRepository.MAX_LISTED);
    assertThat(listed.getJsonObject(0).getLong("id")).isEqualTo(ids.get(posted - 1));
    assertThat(listed.getJsonObject(listed.size() - 1).getLong("id")).isEqualTo(ids.get(5));
  }

  @Test
  void anArticleWithoutCommentsHasAnEmptyList() {
    var response = anonymous.get(path);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(new JsonObject().put("comments", new JsonArray()));
  }

  @Test
  void aBlankMissingMistypedOrOverlongBodyIs422() {
    for (JsonObject bad : List.of(new JsonObject(), new JsonObject().put("body", " "),
        new JsonObject().putNull("body"))) {
      var response = commenter.api().post(path, new JsonObject().put("comment", bad));
      assertThat(response.status()).isEqualTo(422);
      assertThat(response.json().getJsonObject("errors").getJsonArray("body"))
          .containsExactly("can't be blank");
    }
    assertThat(commenter.api().post(path, new JsonObject().put("comment",
        new JsonObject().put("body", 5))).status()).isEqualTo(422);
    assertThat(commenter.api().post(path, comment("x".repeat(NewComment.MAX_BODY + 1)))
        .status()).isEqualTo(422);
    assertThat(commenter.api().post(path, new JsonObject().put("body", "no wrapper")).status())
        .isEqualTo(422);
  }

  @Test
  void onlyTheCommentsAuthorMayDeleteIt() {
    long id = id(commenter.api().post(path, comment("mine")));

    var byArticleAuthor = author.api().delete(path + "/" + id);
    assertThat(byArticleAuthor.status()).isEqualTo(403);
    assertThat(byArticleAuthor.json()).isEqualTo(new JsonObject().put("errors",
        new JsonObject().put("comment", new JsonArray().add("forbidden"))));

    var byCommenter = commenter.api().delete(path + "/" + id);
    assertThat(byCommenter.status()).isEqualTo(204);
    assertThat(ids(anonymous.get(path))).doesNotContain(id);
  }

  @Test
  void unknownCommentsAre404AndNonNumericIdsToo() {
    long id = id(commenter.api().post(path, comment("here")));
    String otherArticle = "/api/articles/"
        + TestArticles.create(author, "Elsewhere").getString("slug") + "/comments";
    JsonObject notFound = new JsonObject().put("errors",
        new JsonObject().put("comment", new JsonArray().add("not found")));

    for (String target : List.of(path + "/999999999", path + "/abc",
        path + "/99999999999999999999", otherArticle + "/" + id)) {
      var response = commenter.api().delete(target);
      assertThat(response.status()).as(target).isEqualTo(404);
      assertThat(response.json()).as(target).isEqualTo(notFound);
    }
  }

  @Test
  void anUnknownArticleIs404ForEveryCommentOperation() {
    String unknown = "/api/articles/" + ApiClient.unique("missing-") + "/comments";
    for (var response : new ApiClient.Response[] {anonymous.get(unknown),
        commenter.api().post(unknown, comment("lost")), commenter.api().delete(unknown + "/1")}) {
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.json().getJsonObject("errors").getJsonArray("article"))
          .containsExactly("not found");
    }
  }

  @Test
  void writesNeedAToken() {
    assertThat(anonymous.post(path, comment("anonymous")).status()).isEqualTo(401);
    assertThat(anonymous.delete(path + "/1").status()).isEqualTo(401);
  }

  private static JsonObject comment(String body) {
    return new JsonObject().put("comment", new JsonObject().put("body", body));
  }

  private static long id(ApiClient.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().getJsonObject("comment").getLong("id");
  }

  private static List<Long> ids(ApiClient.Response response) {
    return response.json().getJsonArray("comments").stream()
        .map(item -> ((JsonObject) item).getLong("id")).toList();
  }
}
