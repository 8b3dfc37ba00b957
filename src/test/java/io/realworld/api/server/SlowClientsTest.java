package io.realworld.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.RawConnection;
import io.realworld.api.support.StandaloneApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client that never finishes its request head loses its connection; others are not held up. */
class SlowClientsTest {

  private static final String REQUEST = "GET /api/tags HTTP/1.1\r\nHost: localhost\r\n\r\n";
  private static StandaloneApp app;

  @BeforeAll
  static void start() {
    app = StandaloneApp.startReady(Map.of("HEADER_TIMEOUT", "1s"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aHeadTrickledByteByByteIsCutAtTheHeaderTimeout() throws InterruptedException {
    try (RawConnection slow = RawConnection.open(app.port())) {
      slow.send("GET /api/tags HTTP/1.1\r\nHost: localhost\r\n");
      long start = System.nanoTime();
      boolean stillOpen = true;
      // one byte every 100 ms: the idle timeout would never fire
      while (stillOpen && System.nanoTime() - start < Duration.ofSeconds(5).toNanos()) {
        Thread.sleep(100);
        stillOpen = slow.send("X");
      }
      if (stillOpen) {
        assertThat(slow.closedByServerWithin(Duration.ofMillis(500))).isTrue();
      }
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(elapsedMillis).isBetween(800L, 3_000L);
    }
  }

  @Test
  void aSilentNewConnectionIsClosedAtTheHeaderTimeout() {
    try (RawConnection silent = RawConnection.open(app.port())) {
      assertThat(silent.closedByServerWithin(Duration.ofMillis(500))).isFalse();
      assertThat(silent.closedByServerWithin(Duration.ofSeconds(2))).isTrue();
    }
  }

  @Test
  void aKeptAliveConnectionOutlivesTheHeaderTimeout() throws InterruptedException {
    try (RawConnection client = RawConnection.open(app.port())) {
      assertThat(client.send(REQUEST)).isTrue();
      assertThat(client.readResponse(Duration.ofSeconds(5))).startsWith("HTTP/1.1 200");
      Thread.sleep(1_500);
      assertThat(client.send(REQUEST)).isTrue();
      assertThat(client.readResponse(Duration.ofSeconds(5))).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void normalRequestsAreAnsweredPromptlyWhileSlowClientsTrickle() throws InterruptedException {
    var api = app.client();
    assertThat(api.get("/api/tags").status()).isEqualTo(200); // a warm connection, as in use
    List<RawConnection> slow = new ArrayList<>();
    List<Long> latencies = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        RawConnection connection = RawConnection.open(app.port());
        connection.send("POST /api/users HTTP/1.1\r\nHost: localhost\r\n");
        slow.add(connection);
      }
      for (int round = 0; round < 5; round++) {
        slow.forEach(connection -> connection.send("X-Slow: 1\r\n"));
        long start = System.nanoTime();
        assertThat(api.get("/api/tags").status()).isEqualTo(200);
        latencies.add((System.nanoTime() - start) / 1_000_000);
        Thread.sleep(100);
      }
    } finally {
      slow.forEach(RawConnection::close);
    }
    Collections.sort(latencies);
    // the median: one request may meet a busy moment of a machine shared with other builds
    assertThat(latencies.get(latencies.size() / 2))
        .as("median latency (ms) of normal requests beside 50 slow clients, of %s", latencies)
        .isLessThan(1_000L);
  }
}
