package io.realworld.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.config.DatabaseUrl;
import io.realworld.api.support.StandaloneApp;
import io.realworld.api.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Every request connection held by queries that cannot finish (the articles table locked), their
 * wait queue growing: a request that needs the pool waits, and readiness still answers 200. The
 * saturation lasts DB_TIMEOUT at most: PostgreSQL's statement_timeout ends the held queries, and
 * the pool's wait timeout the queue.
 */
class ReadinessUnderSaturationTest {

  @Test
  void aSaturatedRequestPoolDoesNotMakeTheServiceUnready() throws Exception {
    DatabaseUrl url = DatabaseUrl.parse(TestDatabase.url());
    try (StandaloneApp app = StandaloneApp.startReady(Map.of("DB_POOL_SIZE", "2",
            "DB_TIMEOUT", "3s"));
        Connection lock = DriverManager.getConnection(url.jdbcUrl(5), url.user(), url.revealPassword())) {
      lock.setAutoCommit(false);
      try (Statement statement = lock.createStatement()) {
        statement.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE");
      }
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String base = "http://127.0.0.1:" + app.port();
      List<CompletableFuture<HttpResponse<Void>>> stuck = new ArrayList<>();
      try {
        for (int i = 0; i < 16; i++) {
          stuck.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/articles"))
              .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()));
        }
        Thread.sleep(500);

        var profile = http.sendAsync(
            HttpRequest.newBuilder(URI.create(base + "/api/profiles/nobody"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200);

        assertThat(app.readinessStatus()).as("readiness, meanwhile").isEqualTo(200);
        assertThat(profile.isDone()).as("the pool is saturated: a request needing it waits")
            .isFalse();
        // then the held queries end (statement_timeout) and it is answered, never a 500
        assertThat(profile.get().statusCode()).isIn(404, 503);
      } finally {
        lock.rollback();
      }
      CompletableFuture.allOf(stuck.toArray(CompletableFuture[]::new)).get();
    }
  }
}
