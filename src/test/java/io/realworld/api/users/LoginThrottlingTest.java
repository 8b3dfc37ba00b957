package io.realworld.api.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.Registrations;
import io.realworld.api.support.StandaloneApp;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Repeated failed logins get 429 with Retry-After; good logins cost nothing. Each test has a
 * service of its own: every request comes from 127.0.0.1, whose budget a test spends.
 */
class LoginThrottlingTest {

  private static final int BUDGET = 3;
  private StandaloneApp app;
  private ApiClient api;

  @BeforeEach
  void start() {
    app = StandaloneApp.startReady(Map.of("LOGIN_FAILURES_PER_MINUTE", Integer.toString(BUDGET)));
    api = app.client();
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void failuresBeyondTheBudgetAre429WithRetryAfterEvenWithTheRightPassword() {
    var user = Registrations.register(api);
    for (int i = 0; i < BUDGET; i++) {
      assertThat(api.post("/api/users/login", login(user.email(), "wrong-password")).status())
          .isEqualTo(401);
    }

    var refused = api.post("/api/users/login", login(user.email(), Registrations.PASSWORD));

    assertThat(refused.status()).isEqualTo(429);
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(refused.json().getJsonObject("errors").getJsonArray("login").getString(0))
        .startsWith("too many failed attempts");
    assertThat(refused.json().fieldNames()).containsExactly("errors");
  }

  @Test
  void successfulLoginsAreNeverThrottled() {
    var user = Registrations.register(api);
    for (int i = 0; i < BUDGET * 3; i++) {
      assertThat(api.post("/api/users/login", login(user.email(), Registrations.PASSWORD)).status())
          .isEqualTo(200);
    }
  }

  @Test
  void oneClientFailingWithManyEmailsIsThrottledToo() {
    for (int i = 0; i < BUDGET; i++) {
      String nobody = ApiClient.unique("nobody") + "@example.com";
      assertThat(api.post("/api/users/login", login(nobody, "guess")).status()).isEqualTo(401);
    }

    var refused = api.post("/api/users/login",
        login(ApiClient.unique("another") + "@example.com", "guess"));

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isNotBlank();
  }

  private static JsonObject login(String email, String password) {
    return new JsonObject().put("user", new JsonObject().put("email", email).put("password", password));
  }
}
