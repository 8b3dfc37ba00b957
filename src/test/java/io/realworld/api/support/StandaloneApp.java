package io.realworld.api.support;

import io.realworld.api.config.ConfigLoader;
import io.realworld.api.server.Application;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A service of its own, for tests that need another configuration than {@link TestApp}'s or that
 * break its database. Against the shared test database unless DATABASE_URL is given. Close it.
 */
public final class StandaloneApp implements AutoCloseable {

  /**
   * A write limit no test meets: each test's service signs up from 127.0.0.1, often in bursts
   * (OverloadedRegistrationTest, the proxy tests). A test of the limits passes its own, or "" for
   * the default.
   */
  public static final String UNLIMITED = "1000000,1000000";

  private final Application application;
  private final String baseUrl;

  private StandaloneApp(Application application) {
    this.application = application;
    this.baseUrl = "http://127.0.0.1:" + application.port();
  }

  /** Starts on a free port; returns once it listens (not necessarily ready). */
  public static StandaloneApp start(Map<String, String> env) {
    Map<String, String> merged = new HashMap<>(Map.of(
        "PORT", Integer.toString(TestApp.freePort()),
        "JWT_SECRET", TestApp.JWT_SECRET,
        "LOG_LEVEL", "WARN",
        "WRITE_RATE_PER_ACCOUNT", UNLIMITED,
        "SIGNUP_RATE_PER_CLIENT", UNLIMITED));
    if (!env.containsKey("DATABASE_URL")) {
      merged.put("DATABASE_URL", TestDatabase.url());
    }
    merged.putAll(env);
    return new StandaloneApp(Application.start(ConfigLoader.load(merged)));
  }

  /** Starts and waits until readiness answers 200. */
  public static StandaloneApp startReady(Map<String, String> env) {
    StandaloneApp app = start(env);
    app.awaitReady(Duration.ofSeconds(60));
    return app;
  }

  public ApiClient client() {
    return new ApiClient(baseUrl);
  }

  public int port() {
    return application.port();
  }

  /**
   * Polls readiness on connections it closes, so that none is left open to count against
   * MAX_CONNECTIONS.
   */
  public void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (readinessStatus() == 200) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("the service did not become ready within " + timeout);
  }

  /** The readiness probe's status, or 0 when nothing answers. */
  public int readinessStatus() {
    try (RawConnection connection = RawConnection.open(port())) {
      connection.send("GET /api/v1/health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      String response = connection.readResponse(Duration.ofSeconds(10));
      return Integer.parseInt(response.substring(9, 12));
    } catch (RuntimeException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    application.stop();
  }
}
