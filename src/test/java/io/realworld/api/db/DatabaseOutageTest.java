package io.realworld.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.Registrations;
import io.realworld.api.support.RestartablePostgres;
import io.realworld.api.support.StandaloneApp;
import io.realworld.api.support.TestApp;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A real PostgreSQL stopped and started again under a running service: requests fail fast with
 * 503 while it is down, liveness stays up, readiness goes down, and service resumes without a
 * restart. And a service started before its database becomes ready once the database appears.
 */
class DatabaseOutageTest {

  private static final Duration DB_TIMEOUT = Duration.ofSeconds(2);
  /** Scheduling on a shared 2-core machine. */
  private static final Duration MARGIN = Duration.ofSeconds(1);
  private static final JsonObject UNAVAILABLE = new JsonObject().put("errors",
      new JsonObject().put("database", List.of("unavailable")));

  @Test
  void duringAnOutageRequestsFailFastWith503AndServiceResumesWhenTheDatabaseReturns() {
    try (RestartablePostgres postgres = new RestartablePostgres(TestApp.freePort())) {
      postgres.start();
      try (StandaloneApp app = StandaloneApp.startReady(Map.of("DATABASE_URL", postgres.url(),
          "DB_TIMEOUT", DB_TIMEOUT.toMillis() + "ms"))) {
        ApiClient api = app.client();
        var user = Registrations.register(api);
        ApiClient signedIn = api.withToken(user.token());
        assertThat(api.get("/api/articles").status()).isEqualTo(200);

        postgres.stop();

        // (not /api/tags: its last answer may be served from memory for up to a second)
        for (Supplier<ApiClient.Response> request : List.<Supplier<ApiClient.Response>>of(
            () -> api.get("/api/articles"),
            () -> signedIn.get("/api/user"),
            () -> api.post("/api/users/login", login(user.email())),
            () -> api.post("/api/users", Registrations.body(ApiClient.unique("u"),
                ApiClient.unique("u") + "@example.com", Registrations.PASSWORD)))) {
          Timed timed = Timed.of(request);
          assertThat(timed.response().status()).isEqualTo(503);
          assertThat(timed.response().json()).isEqualTo(UNAVAILABLE);
          assertThat(timed.elapsed()).isLessThan(DB_TIMEOUT.plus(MARGIN));
        }
        assertThat(api.get("/api/v1/health/live").status()).isEqualTo(200);
        Timed readiness = Timed.of(() -> api.get("/api/v1/health/ready"));
        assertThat(readiness.response().status()).isEqualTo(503);
        assertThat(readiness.elapsed()).isLessThan(DB_TIMEOUT.plus(MARGIN));

        postgres.start();
        long back = System.nanoTime();

        assertThat(firstSuccess(() -> api.get("/api/articles"), Duration.ofSeconds(2)))
            .as("serves within 2 s of the database's return").isTrue();
        System.out.printf("database outage: served again %d ms after PostgreSQL was back%n",
            (System.nanoTime() - back) / 1_000_000);
        assertThat(api.post("/api/users/login", loginWith(user.email(), Registrations.PASSWORD))
            .status()).as("the data written before the outage").isEqualTo(200);
        assertThat(api.get("/api/v1/health/ready").status()).isEqualTo(200);
      }
    }
  }

  @Test
  void aServiceStartedBeforeItsDatabaseBecomesReadyWhenTheDatabaseAppears() {
    try (RestartablePostgres postgres = new RestartablePostgres(TestApp.freePort());
        StandaloneApp app = StandaloneApp.start(Map.of("DATABASE_URL", postgres.url(),
            "DB_TIMEOUT", DB_TIMEOUT.toMillis() + "ms"))) {
      ApiClient api = app.client();

      assertThat(api.get("/api/v1/health/live").status()).isEqualTo(200);
      assertThat(app.readinessStatus()).isEqualTo(503);
      var early = api.get("/api/tags");
      assertThat(early.status()).isEqualTo(503);
      assertThat(early.json().getJsonObject("errors").fieldNames()).containsExactly("service");

      postgres.start();

      app.awaitReady(Duration.ofSeconds(15));
      assertThat(api.get("/api/tags").status()).isEqualTo(200);
    }
  }

  private static boolean firstSuccess(Supplier<ApiClient.Response> request, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    do {
      if (request.get().status() == 200) {
        return true;
      }
    } while (System.nanoTime() < deadline);
    return false;
  }

  private static JsonObject login(String email) {
    return loginWith(email, "any-password");
  }

  private static JsonObject loginWith(String email, String password) {
    return new JsonObject().put("user", new JsonObject().put("email", email).put("password", password));
  }

  private record Timed(ApiClient.Response response, Duration elapsed) {
    static Timed of(Supplier<ApiClient.Response> request) {
      long start = System.nanoTime();
      ApiClient.Response response = request.get();
      return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
