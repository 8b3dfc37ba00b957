package io.realworld.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.RawConnection;
import io.realworld.api.support.StandaloneApp;
import io.realworld.api.support.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

  private final ApiClient api = TestApp.client();
  private final ApiClient metricsPort = TestApp.metricsClient();

  @Test
  void areNotServedOnTheApiPort() {
    assertThat(api.get(Metrics.PATH).status()).isEqualTo(404);
  }

  @Test
  void aServiceWithoutAMetricsPortServesNone() {
    try (StandaloneApp app = StandaloneApp.startReady(Map.of())) {
      assertThat(app.client().get(Metrics.PATH).status()).isEqualTo(404);
    }
  }

  @Test
  void countsRequestsByRouteTemplateNotByRawPath() {
    String slug = ApiClient.unique("metrics-probe");
    assertThat(api.get("/api/articles/" + slug).status()).isEqualTo(404);

    String metrics = scrape();

    assertThat(lines(metrics, "vertx_http_server_requests_total{"))
        .anySatisfy(line -> assertThat(line).contains("route=\"/api/articles/:slug\"")
            .contains("method=\"GET\"").contains("code=\"404\""));
    assertThat(metrics).doesNotContain(slug);
  }

  @Test
  void recordsLatencyAsAHistogram() {
    assertThat(api.get("/api/tags").status()).isEqualTo(200);

    assertThat(lines(scrape(), "vertx_http_server_response_time_seconds_bucket{"))
        .anySatisfy(line -> assertThat(line).contains("route=\"/api/tags\"").contains("le=\""));
  }

  @Test
  void reportsTheDatabasePoolAndTheJvm() {
    assertThat(api.get("/api/tags").status()).isEqualTo(200);

    String metrics = scrape();

    assertThat(lines(metrics, "http_server_connections_open ")).singleElement().asString()
        .doesNotEndWith(" 0.0");
    // the scrape itself is on the metrics port, which the API's in-flight count does not see
    assertThat(lines(metrics, "http_server_requests_in_flight ")).singleElement().asString()
        .matches("http_server_requests_in_flight \\d+\\.0");
    assertThat(lines(metrics, "vertx_pool_in_use{"))
        .anySatisfy(line -> assertThat(line).containsPattern("pool_name=\"conduit-\\d+\""));
    assertThat(lines(metrics, "vertx_pool_queue_time_seconds_count{"))
        .anySatisfy(line -> assertThat(line).containsPattern("pool_name=\"conduit-\\d+\""));
    assertThat(lines(metrics, "jvm_memory_used_bytes{")).isNotEmpty();
    assertThat(lines(metrics, "jvm_gc_")).isNotEmpty();
  }

  /**
   * The metrics port holds a few connections, not as many as a client opens: one beyond the
   * limit is closed as it opens, and scrapes work again once others close. Before, it took them
   * all, with no header timeout.
   */
  @Test
  void holdsAFewConnectionsAtMost() {
    List<RawConnection> held = new ArrayList<>();
    try {
      for (int i = 0; i < Metrics.MAX_CONNECTIONS; i++) {
        held.add(RawConnection.open(TestApp.metricsPort()));
      }
      try (RawConnection extra = RawConnection.open(TestApp.metricsPort())) {
        assertThat(extra.closedByServerWithin(Duration.ofSeconds(3))).isTrue();
      }
    } finally {
      held.forEach(RawConnection::close);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    int status = 0;
    while (status != 200 && System.nanoTime() < deadline) {
      try {
        status = metricsPort.get(Metrics.PATH).status();
      } catch (RuntimeException stillFull) {
        status = 0;
      }
    }
    assertThat(status).as("scraped again once the held connections closed").isEqualTo(200);
  }

  private String scrape() {
    ApiClient.Response response = metricsPort.get(Metrics.PATH);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).startsWith("text/plain");
    return response.body();
  }

  private static List<String> lines(String metrics, String prefix) {
    return Arrays.stream(metrics.split("\n")).filter(line -> line.startsWith(prefix)).toList();
  }
}
