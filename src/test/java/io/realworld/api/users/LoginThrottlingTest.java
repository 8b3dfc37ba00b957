package io.realworld.api.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.RawConnection;
import io.realworld.api.support.Registrations;
import io.realworld.api.support.StandaloneApp;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
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

  @Test
  void anEmailLongerThanAnyAddressIs422BeforeItSpendsOrKeysAnyBudget() {
    String huge = "x".repeat(100_000) + "@example.com";
    for (int i = 0; i < BUDGET + 2; i++) {
      var response = api.post("/api/users/login", login(huge, "guess"));
      assertThat(response.status()).isEqualTo(422);
      assertThat(response.json().getJsonObject("errors").getJsonArray("email").getString(0))
          .startsWith("is too long");
    }
  }

  @Test
  void failuresFromElsewhereCannotLockTheOwnerOutAtAnAddressWhereTheyLoggedInBefore() {
    var owner = Registrations.register(api);
    assertThat(api.post("/api/users/login", login(owner.email(), Registrations.PASSWORD)).status())
        .isEqualTo(200);
    for (int i = 0; i < BUDGET; i++) {
      assertThat(loginFrom("127.0.0.2", owner.email(), "guess")).startsWith("HTTP/1.1 401");
    }
    assertThat(loginFrom("127.0.0.3", owner.email(), "guess"))
        .as("the email's budget is spent for everyone else").startsWith("HTTP/1.1 429");

    var ownersLogin = api.post("/api/users/login", login(owner.email(), Registrations.PASSWORD));

    assertThat(ownersLogin.status()).as(ownersLogin.body()).isEqualTo(200);
  }

  private String loginFrom(String address, String email, String password) {
    String body = login(email, password).encode();
    try (RawConnection connection = RawConnection.openFrom(address, app.port())) {
      connection.send("POST /api/users/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n"
          + body);
      return connection.readResponse(Duration.ofSeconds(10));
    }
  }

  private static JsonObject login(String email, String password) {
    return new JsonObject().put("user", new JsonObject().put("email", email).put("password", password));
  }
}
