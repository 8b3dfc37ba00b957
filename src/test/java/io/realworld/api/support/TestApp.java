package io.realworld.api.support;

import io.realworld.api.config.ConfigLoader;
import io.realworld.api.server.Application;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The real service on a free port, against the embedded PostgreSQL, started once per test JVM.
 * Integration tests talk HTTP to it through {@link ApiClient}.
 */
public final class TestApp {

  public static final String JWT_SECRET = "test-only-secret-of-at-least-32-bytes-0123456789";
  private static String baseUrl;
  private static String metricsUrl;

  private TestApp() {
  }

  public static synchronized String baseUrl() {
    if (baseUrl == null) {
      int port = freePort();
      int metricsPort = freePort();
      Application.start(ConfigLoader.load(Map.of(
          "PORT", Integer.toString(port),
          "METRICS_PORT", Integer.toString(metricsPort),
          "DATABASE_URL", TestDatabase.url(),
          "JWT_SECRET", JWT_SECRET,
          "LOG_LEVEL", "WARN",
          // every test logs in from 127.0.0.1; LoginThrottleTest runs its own service with a low one
          "LOGIN_FAILURES_PER_MINUTE", "100000",
          // every test signs up from 127.0.0.1, and some write hundreds of articles in one account
          // (PagingTest, FeedTest, SlugRaceTest, the fuzz tests); WriteLimitsTest runs its own
          // service with the defaults
          "WRITE_RATE_PER_ACCOUNT", StandaloneApp.UNLIMITED,
          "SIGNUP_RATE_PER_CLIENT", StandaloneApp.UNLIMITED)));
      baseUrl = "http://127.0.0.1:" + port;
      metricsUrl = "http://127.0.0.1:" + metricsPort;
      awaitReady(baseUrl, Duration.ofSeconds(60));
    }
    return baseUrl;
  }

  /** A client of the metrics port (METRICS_PORT): /metrics is served there, not on the API's. */
  public static synchronized int metricsPort() {
    baseUrl();
    return Integer.parseInt(metricsUrl.substring(metricsUrl.lastIndexOf(':') + 1));
  }

  public static synchronized ApiClient metricsClient() {
    baseUrl();
    return new ApiClient(metricsUrl);
  }

  public static ApiClient client() {
    return new ApiClient(baseUrl());
  }

  static void awaitReady(String baseUrl, Duration timeout) {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> response = http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/health/ready"))
                .timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
        Thread.sleep(50);
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("the service did not become ready within " + timeout);
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
