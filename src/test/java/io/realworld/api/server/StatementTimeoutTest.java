package io.realworld.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.config.Config;
import io.realworld.api.config.ConfigLoader;
import io.realworld.api.db.Database;
import io.realworld.api.support.TestApp;
import io.realworld.api.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A slow statement cannot hold a connection for ever: the real PostgreSQL ends it after
 * DB_TIMEOUT (SQLSTATE 57014), and the client is answered 503 in the spec's error format with
 * Retry-After, never 500. Before, pg_sleep(5) ran its 3 s and a stuck query held its connection.
 */
class StatementTimeoutTest {

  private static Vertx vertx;
  private static Pool pool;

  @BeforeAll
  static void connect() {
    vertx = Vertx.vertx();
    Config config = ConfigLoader.load(Map.of("DATABASE_URL", TestDatabase.url(),
        "JWT_SECRET", TestApp.JWT_SECRET, "DB_TIMEOUT", "1s"));
    pool = Database.pool(vertx, config, 1);
    // the first connection, on a loaded machine, may need more than one DB_TIMEOUT
    for (int attempt = 0; ; attempt++) {
      try {
        pool.query("SELECT 1").execute().await();
        return;
      } catch (RuntimeException e) {
        if (attempt == 4) {
          throw e;
        }
      }
    }
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  @Test
  void aStatementLongerThanDbTimeoutIsEndedByPostgresql() {
    long start = System.nanoTime();
    Throwable failure = failureOf("SELECT pg_sleep(5)");
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(failure).isInstanceOf(PgException.class);
    assertThat(((PgException) failure).getSqlState()).isEqualTo("57014");
    assertThat(millis).as("ended after DB_TIMEOUT, not after the 5 s sleep").isLessThan(4_000);
    // the connection is still good for the next statement
    assertThat(pool.query("SELECT 1").execute().await().iterator().next().getInteger(0))
        .isEqualTo(1);
  }

  @Test
  void aTransactionLeftIdleIsEndedToo() {
    var row = pool.query("SHOW idle_in_transaction_session_timeout").execute().await()
        .iterator().next();

    assertThat(row.getString(0)).isEqualTo("1s");
  }

  @Test
  void theTimedOutStatementIsAnswered503WithRetryAfter() throws Exception {
    AtomicReference<Throwable> failure = new AtomicReference<>(failureOf("SELECT pg_sleep(5)"));
    Router router = Router.router(vertx);
    router.get("/slow").handler(ctx -> ctx.fail(failure.get()));
    router.route().failureHandler(new ErrorResponses());
    HttpServer server = vertx.createHttpServer().requestHandler(router)
        .listen(0, "127.0.0.1").await();
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + server.actualPort() + "/slow")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(new JsonObject(response.body())).isEqualTo(new JsonObject().put("errors",
          new JsonObject().put("database", List.of("is busy, retry in 1 s"))));
    } finally {
      server.close().await();
    }
  }

  private static Throwable failureOf(String sql) {
    try {
      pool.query(sql).execute().await();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError(sql + " succeeded");
  }
}
