package io.realworld.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.config.DatabaseUrl;
import io.realworld.api.support.ApiClient;
import io.realworld.api.support.PausableProxy;
import io.realworld.api.support.StandaloneApp;
import io.realworld.api.support.TestApp;
import io.realworld.api.support.TestArticles;
import io.realworld.api.support.TestDatabase;
import io.realworld.api.support.TestUsers;
import io.realworld.api.support.TestUsers.TestUser;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every write route, not only the users': the database stalls (a paused proxy holds the reply to
 * the request's read, after its token was checked and before its write), the request times out
 * and is answered 503, then the database comes back. The read completes then, and the write must
 * not follow: a 503 means nothing was written. Before, the comment, the favorite, the follow and
 * the deletion all happened after their 503.
 */
class NoWriteAfterTimeoutTest {

  private static PausableProxy proxy;
  private static StandaloneApp app;

  @BeforeAll
  static void start() {
    TestApp.baseUrl(); // the shared service first (it owns the metrics registry), and the schema
    DatabaseUrl shared = DatabaseUrl.parse(TestDatabase.url());
    proxy = new PausableProxy(shared.port());
    // a 2 s request timeout (twice DB_TIMEOUT)
    app = StandaloneApp.startReady(Map.of("DB_TIMEOUT", "1s", "DATABASE_URL",
        "postgres://postgres:postgres@127.0.0.1:" + proxy.port() + "/postgres"));
  }

  @AfterAll
  static void stop() {
    app.close();
    proxy.close();
  }

  @Test
  void aCommentAnswered503IsNotWritten() throws Exception {
    TestUser author = TestUsers.create();
    String title = ApiClient.unique("Stalled comments");
    String slug = TestArticles.create(author, title).getString("slug");
    ApiClient api = app.client().withToken(author.token());

    timedOut(title, () -> api.post("/api/articles/" + slug + "/comments",
        new JsonObject().put("comment", new JsonObject().put("body", "after the 503"))));

    assertThat(count("SELECT count(*) FROM comments c JOIN articles a ON a.id = c.article_id"
        + " WHERE a.slug = ?", slug)).as("comments written after their 503").isZero();
  }

  @Test
  void aFavoriteAnswered503IsNotWritten() throws Exception {
    TestUser author = TestUsers.create();
    TestUser reader = TestUsers.create();
    String title = ApiClient.unique("Stalled favorite");
    String slug = TestArticles.create(author, title).getString("slug");
    ApiClient api = app.client().withToken(reader.token());

    timedOut(title, () -> api.post("/api/articles/" + slug + "/favorite", null));

    assertThat(count("SELECT count(*) FROM favorites f JOIN articles a ON a.id = f.article_id"
        + " WHERE a.slug = ?", slug)).as("favorites written after their 503").isZero();
    assertThat(count("SELECT favorites_count FROM articles WHERE slug = ?", slug)).isZero();
  }

  @Test
  void aFollowAnswered503IsNotWritten() throws Exception {
    TestUser followed = TestUsers.create();
    TestUser follower = TestUsers.create();
    ApiClient api = app.client().withToken(follower.token());

    timedOut(followed.username(),
        () -> api.post("/api/profiles/" + followed.username() + "/follow", null));

    assertThat(count("SELECT count(*) FROM follows f JOIN users u ON u.id = f.followed_id"
        + " WHERE u.username = ?", followed.username())).as("follows after their 503").isZero();
  }

  @Test
  void anArticleDeletionAnswered503IsNotDone() throws Exception {
    TestUser author = TestUsers.create();
    String title = ApiClient.unique("Stalled deletion");
    String slug = TestArticles.create(author, title).getString("slug");
    ApiClient api = app.client().withToken(author.token());

    timedOut(title, () -> api.delete("/api/articles/" + slug));

    assertThat(count("SELECT count(*) FROM articles WHERE slug = ?", slug))
        .as("articles deleted after their 503").isEqualTo(1);
  }

  /**
   * Sends the request, holds the database's reply that contains {@code inReply} until the request
   * timeout's 503 came; then the database answers again, and the request's remaining steps have
   * time to run.
   */
  private static void timedOut(String inReply, Supplier<ApiClient.Response> request)
      throws Exception {
    warmUp();
    proxy.pauseAtReplyContaining(inReply);
    ApiClient.Response answer;
    try {
      answer = request.get();
    } finally {
      proxy.resume();
    }
    assertThat(proxy.pausedAtReply()).as("the read's reply was held").isTrue();
    assertThat(answer.status()).as(answer.body()).isEqualTo(503);
    assertThat(answer.json().getJsonObject("errors").getJsonArray("request").getString(0))
        .isEqualTo("timed out");
    Thread.sleep(1_000); // the stalled reads complete now; a write after them would land by then
    assertThat(readArticles()).as("the database answers again").isEqualTo(200);
  }

  /**
   * Opens the database connections of every event loop's pool (parallel requests spread over
   * the event loops), so that the stalled request waits on a query, not on a new connection.
   */
  private static void warmUp() {
    List<CompletableFuture<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(CompletableFuture.supplyAsync(NoWriteAfterTimeoutTest::readArticles));
    }
    answers.forEach(answer -> assertThat(answer.join()).isEqualTo(200));
  }

  /** A read through the database; on a loaded machine a cold pool may need a second try. */
  private static int readArticles() {
    int status = 0;
    for (int attempt = 0; attempt < 5 && status != 200; attempt++) {
      status = app.client().get("/api/articles?limit=1").status();
    }
    return status;
  }

  private static long count(String sql, String parameter) throws SQLException {
    DatabaseUrl url = DatabaseUrl.parse(TestDatabase.url());
    try (Connection connection = DriverManager.getConnection(url.jdbcUrl(5), url.user(),
            url.revealPassword());
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }
}
