package io.realworld.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.RawConnection;
import io.realworld.api.support.StandaloneApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MAX_CONNECTIONS open connections at most, over every event loop; room returns as they close. */
class ConnectionLimitTest {

  private static final String REQUEST = "GET /api/tags HTTP/1.1\r\nHost: localhost\r\n\r\n";
  private static final int LIMIT = 3;

  @Test
  void connectionsBeyondTheLimitAreClosedAndAdmittedAgainOnceOthersClose()
      throws InterruptedException {
    try (StandaloneApp app = StandaloneApp.startReady(Map.of("MAX_CONNECTIONS", "" + LIMIT))) {
      List<RawConnection> admitted = admitUpToTheLimit(app);
      try {
        try (RawConnection extra = RawConnection.open(app.port())) {
          assertThat(extra.closedByServerWithin(Duration.ofSeconds(2))).isTrue();
        }
        admitted.remove(0).close();

        RawConnection again = awaitAdmitted(app, Duration.ofSeconds(3));
        assertThat(again).as("admitted once a connection closed").isNotNull();
        admitted.add(again);
      } finally {
        admitted.forEach(RawConnection::close);
      }
    }
  }

  /**
   * LIMIT kept-alive connections that each got an answer. Retried while the readiness probe's
   * connection, closed on the client's side already, may still count on the server's.
   */
  private static List<RawConnection> admitUpToTheLimit(StandaloneApp app)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      List<RawConnection> connections = new ArrayList<>();
      for (int i = 0; i < LIMIT; i++) {
        RawConnection connection = awaitAdmitted(app, Duration.ZERO);
        if (connection == null) {
          break;
        }
        connections.add(connection);
      }
      if (connections.size() == LIMIT) {
        return connections;
      }
      connections.forEach(RawConnection::close);
      assertThat(System.nanoTime()).as("%d connections admitted", LIMIT).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** A connection that got an answer, tried until the timeout; null when always turned away. */
  private static RawConnection awaitAdmitted(StandaloneApp app, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      RawConnection connection = RawConnection.open(app.port());
      try {
        if (connection.send(REQUEST)
            && connection.readResponse(Duration.ofSeconds(2)).startsWith("HTTP/1.1 200")) {
          return connection;
        }
      } catch (RuntimeException turnedAway) {
        // closed by the server: still full
      }
      connection.close();
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    return null;
  }
}
