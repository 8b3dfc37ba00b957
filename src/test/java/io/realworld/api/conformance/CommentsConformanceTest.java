package io.realworld.api.conformance;

import static io.realworld.api.conformance.Conformance.assertCommentShape;
import static io.realworld.api.conformance.Conformance.assertError;
import static io.realworld.api.conformance.Conformance.wrap;
import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Comments, their errors, and who may delete what. */
class CommentsConformanceTest {

  private final ApiClient api = Conformance.hurl();
  private final String uid = Conformance.uid();

  // realworld-apps/realworld specs/api/hurl/comments.hurl
  @Test
  void commentLifecycle() {
    String username = "cmt_" + uid;
    ApiClient user = api.withToken(Conformance.register(api, username));
    String slug = Conformance.createArticle(user, "Comment Article " + uid);
    String comments = "/api/articles/" + slug + "/comments";

    var created = user.post(comments, wrap("comment", "body", "Test comment body"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().fieldNames()).containsExactly("comment");
    JsonObject comment = created.json().getJsonObject("comment");
    assertCommentShape(comment);
    assertThat(comment.getString("body")).isEqualTo("Test comment body");
    assertThat(comment.getJsonObject("author").getString("username")).isEqualTo(username);
    long id = comment.getLong("id");

    for (ApiClient caller : new ApiClient[] {user, api}) {
      JsonArray listed = list(caller.get(comments));
      assertThat(listed).hasSize(1);
      assertThat(listed.getJsonObject(0).getLong("id")).isEqualTo(id);
      assertThat(listed.getJsonObject(0).getString("body")).isEqualTo("Test comment body");
      assertThat(listed.getJsonObject(0).getJsonObject("author").getString("username"))
          .isEqualTo(username);
    }

    assertThat(user.delete(comments + "/" + id).status()).isEqualTo(204);
    assertThat(list(api.get(comments))).isEmpty();

    // "Selective deletion: create two comments, delete one, verify the other remains"
    long first = user.post(comments, wrap("comment", "body", "First comment"))
        .json().getJsonObject("comment").getLong("id");
    assertThat(user.post(comments, wrap("comment", "body", "Second comment")).status())
        .isEqualTo(201);
    assertThat(list(api.get(comments))).hasSize(2);
    assertThat(user.delete(comments + "/" + first).status()).isEqualTo(204);
    JsonArray remaining = list(api.get(comments));
    assertThat(remaining).hasSize(1);
    assertThat(remaining.getJsonObject(0).getString("body")).isEqualTo("Second comment");

    assertThat(user.delete("/api/articles/" + slug).status()).isEqualTo(204);
  }

  // realworld-apps/realworld specs/api/hurl/errors_comments.hurl
  @Test
  void commentErrors() {
    // 401 only where auth is required; where it is optional (the GETs), a bad token reads as
    // anonymous: SpecConformanceTest#badTokensAreServedAsAnonymousWhereAuthIsOptional
    assertError(api.post("/api/articles/some-slug/comments", wrap("comment", "body", "test")),
        401, "token", "is missing");
    assertError(api.delete("/api/articles/some-slug/comments/1"), 401, "token", "is missing");

    ApiClient user = api.withToken(Conformance.register(api, "ec_" + uid));
    String slug = Conformance.createArticle(user, "Err Comment Art " + uid);

    assertError(user.post("/api/articles/" + slug + "/comments", wrap("comment", "body", "")),
        422, "body", "can't be blank");
    String unknown = "/api/articles/unknown-slug-" + uid + "/comments";
    assertError(user.post(unknown, wrap("comment", "body", "orphan")), 404, "article", "not found");
    assertError(api.get(unknown), 404, "article", "not found");
    assertError(user.delete(unknown + "/99999"), 404, "article", "not found");
    assertError(user.delete("/api/articles/" + slug + "/comments/99999"),
        404, "comment", "not found");

    assertThat(user.delete("/api/articles/" + slug).status()).isEqualTo(204);
  }

  // realworld-apps/realworld specs/api/hurl/errors_authorization.hurl
  @Test
  void onlyAuthorsMayChangeOrDeleteTheirArticlesAndComments() {
    ApiClient userA = api.withToken(Conformance.register(api, "authz_a_" + uid));
    ApiClient userB = api.withToken(Conformance.register(api, "authz_b_" + uid));
    String slug = Conformance.createArticle(userA, "Authz Article " + uid);

    assertError(userB.delete("/api/articles/" + slug), 403, "article", "forbidden");
    assertError(userB.put("/api/articles/" + slug, wrap("article", "body", "hijacked")),
        403, "article", "forbidden");

    long commentId = userA.post("/api/articles/" + slug + "/comments",
        wrap("comment", "body", "A's comment")).json().getJsonObject("comment").getLong("id");
    assertError(userB.delete("/api/articles/" + slug + "/comments/" + commentId),
        403, "comment", "forbidden");
    JsonArray survived = list(api.get("/api/articles/" + slug + "/comments"));
    assertThat(survived).isNotEmpty();
    assertThat(survived.getJsonObject(0).getString("body")).isEqualTo("A's comment");

    assertThat(userA.delete("/api/articles/" + slug).status()).isEqualTo(204);
  }

  private static JsonArray list(ApiClient.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().fieldNames()).containsExactly("comments");
    JsonArray comments = response.json().getJsonArray("comments");
    comments.forEach(comment -> assertCommentShape((JsonObject) comment));
    return comments;
  }
}
