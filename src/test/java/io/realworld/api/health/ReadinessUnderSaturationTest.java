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
 * wait queue growing: requests that need the pool get 503, and readiness still answers 200.
 */
class ReadinessUnderSaturationTest {

  @Test
  void aSaturatedRequestPoolDoesNotMakeTheServiceUnready() throws Exception {
    DatabaseUrl url = DatabaseUrl.parse(TestDatabase.url());
    try (StandaloneApp app = StandaloneApp.startReady(Map.of("DB_POOL_SIZE", "2",
            "DB_TIMEOUT", "1s"));
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

        var profile = http.send(HttpRequest.newBuilder(URI.create(base + "/api/profiles/nobody"))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(profile.statusCode()).as("the pool is saturated: %s", profile.body())
            .isEqualTo(503);
        assertThat(app.readinessStatus()).as("readiness, meanwhile").isEqualTo(200);
      } finally {
        lock.rollback();
      }
      CompletableFuture.allOf(stuck.toArray(CompletableFuture[]::new)).get();
    }
  }
}
