package io.realworld.api.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Plain HTTP to a running service, from the test's side, as a platform's probe sees it. */
final class Http {

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  private Http() {
  }

  static HttpResponse<String> get(AppRun app, String path) {
    return get(app, path, Map.of());
  }

  static HttpResponse<String> get(AppRun app, String path, Map<String, String> headers) {
    return send(app, "GET", path, null, headers);
  }

  static HttpResponse<String> send(AppRun app, String method, String path, String body,
      Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://" + app.host() + ":" + app.port() + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls readiness as a platform does; fails with the service's output if it never comes. */
  static void awaitReady(AppRun app, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (app.awaitExit(Duration.ZERO).isPresent()) {
        throw new AssertionError("the service exited before it was ready: " + app.stdout());
      }
      try {
        if (get(app, "/api/v1/health/ready").statusCode() == 200) {
          return;
        }
      } catch (java.io.UncheckedIOException notListeningYet) {
        // keep polling
      }
      pause(Duration.ofMillis(50));
    }
    throw new AssertionError("the service was not ready within " + timeout + ": " + app.stdout());
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
