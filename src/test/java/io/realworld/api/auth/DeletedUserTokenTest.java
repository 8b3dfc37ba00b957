package io.realworld.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.TestArticles;
import io.realworld.api.support.TestUsers;
import io.realworld.api.support.TestUsers.TestUser;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A well-signed, unexpired token of a user that was deleted proves nobody: every operation that
 * requires authentication answers 401, as for a forged token, and writes nothing. Before, a write
 * failed with a 500 and a stack trace, and the feed and a follow answered 200.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeletedUserTokenTest {

  private static TestUser author;
  private static TestUser ghost;
  private static String slug;
  private static long commentId;

  @BeforeAll
  static void aUserWritesThenIsDeleted() {
    author = TestUsers.create();
    slug = TestArticles.create(author, ApiClient.unique("Ghost target")).getString("slug");
    commentId = author.api().post("/api/articles/" + slug + "/comments", comment("hello"))
        .json().getJsonObject("comment").getLong("id");
    ghost = TestUsers.create();
    TestUsers.delete(ghost);
  }

  record Call(String method, String path, JsonObject body) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static Stream<Call> everyOperationThatRequiresAToken() {
    String article = "/api/articles/" + slug;
    return Stream.of(
        new Call("GET", "/api/user", null),
        new Call("PUT", "/api/user", new JsonObject().put("user", new JsonObject().put("bio", "b"))),
        new Call("GET", "/api/articles/feed", null),
        new Call("POST", "/api/articles", TestArticles.body(ApiClient.unique("Ghost article"))),
        new Call("PUT", article, new JsonObject().put("article",
            new JsonObject().put("body", "taken over"))),
        new Call("DELETE", article, null),
        new Call("POST", article + "/favorite", null),
        new Call("DELETE", article + "/favorite", null),
        new Call("POST", article + "/comments", comment("boo")),
        new Call("DELETE", article + "/comments/" + commentId, null),
        new Call("POST", "/api/profiles/" + author.username() + "/follow", null),
        new Call("DELETE", "/api/profiles/" + author.username() + "/follow", null));
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("everyOperationThatRequiresAToken")
  void isRefusedWith401(Call call) {
    var response = ghost.api().send(call.method(), call.path(),
        call.body() == null ? null : call.body().encode());

    assertThat(response.status()).as(response.body()).isEqualTo(401);
    assertThat(response.json().getJsonObject("errors").getJsonArray("token").getList())
        .isEqualTo(List.of("is invalid"));
  }

  @Order(2)
  @Test
  void nothingWasWrittenInTheGhostsName() {
    var article = author.api().get("/api/articles/" + slug).json().getJsonObject("article");
    var comments = author.api().get("/api/articles/" + slug + "/comments").json()
        .getJsonArray("comments");

    assertThat(article.getInteger("favoritesCount")).isZero();
    assertThat(comments.size()).isEqualTo(1);
    assertThat(comments.getJsonObject(0).getString("body")).isEqualTo("hello");
  }

  private static JsonObject comment(String body) {
    return new JsonObject().put("comment", new JsonObject().put("body", body));
  }
}
