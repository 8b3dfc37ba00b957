package io.realworld.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.RawConnection;
import io.realworld.api.support.TestApp;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Oversized or broken request heads get 414, 431 or 400 in the spec's error format. */
class RequestHeadLimitsTest {

  private final int port = URI.create(TestApp.baseUrl()).getPort();

  @Test
  void aRequestLineOverTheLimitIs414() {
    String path = "/api/articles?tag=" + "a".repeat(MalformedRequests.MAX_REQUEST_LINE);
    String response = exchange("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

    // the version is in the line that could not be read: Vert.x answers in HTTP/1.0
    assertThat(response).matches("(?s)HTTP/1\\.[01] 414 .*");
    assertThat(errors(response).getJsonArray("uri").getString(0)).startsWith("is too long");
  }

  @Test
  void headersOverTheLimitAre431() {
    String response = exchange("GET /api/tags HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
        + "p".repeat(MalformedRequests.MAX_HEADERS_SIZE) + "\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 431");
    assertThat(errors(response).getJsonArray("headers").getString(0)).startsWith("are too large");
  }

  @Test
  void anUnreadableHeadIs400() {
    String response = exchange("GET /api/tags HTTP/1.1\r\nHost: localhost\r\nContent-Length: x\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 400");
    assertThat(errors(response).getJsonArray("request").getString(0)).isEqualTo("is malformed");
  }

  @Test
  void headsWithinTheLimitsAreServed() {
    String response = exchange("GET /api/articles?tag=" + "a".repeat(1000)
        + " HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(4000) + "\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 200");
  }

  private String exchange(String request) {
    try (RawConnection connection = RawConnection.open(port)) {
      connection.send(request);
      return connection.readResponse(Duration.ofSeconds(5));
    }
  }

  private static JsonObject errors(String response) {
    String body = response.substring(response.indexOf("\r\n\r\n") + 4);
    return new JsonObject(body).getJsonObject("errors");
  }
}
