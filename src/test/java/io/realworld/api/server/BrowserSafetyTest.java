package io.realworld.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.RawConnection;
import io.realworld.api.support.Registrations;
import io.realworld.api.support.StandaloneApp;
import io.realworld.api.support.TestApp;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CORS for the configured frontend only and without credentials, nosniff on every answer,
 * no-store on private ones, and JSON bodies only with a JSON content type.
 */
class BrowserSafetyTest {

  private static final String FRONTEND = "https://app.example.com";
  private static StandaloneApp app;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    // The shared service first: Vert.x's Micrometer backends are keyed by registry name, so a
    // service started before it would own the metrics registry and take it along when closed
    TestApp.baseUrl();
    app = StandaloneApp.startReady(Map.of("CORS_ALLOWED_ORIGINS", FRONTEND + ", http://localhost:4200"));
    api = app.client();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aPreflightFromTheFrontendIsAnsweredWithoutCredentials() {
    var preflight = api.withHeader("Origin", FRONTEND)
        .withHeader("Access-Control-Request-Method", "POST")
        .withHeader("Access-Control-Request-Headers", "authorization, content-type")
        .send("OPTIONS", "/api/articles", null);

    assertThat(preflight.status()).isBetween(200, 204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(FRONTEND);
    assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
    assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase())
        .contains("authorization").contains("content-type");
    assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
  }

  @Test
  void anAnswerToTheFrontendNamesItsOriginAndExposesTheRequestId() {
    var response = api.withHeader("Origin", FRONTEND).get("/api/tags");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(FRONTEND);
    assertThat(response.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
  }

  @Test
  void anotherOriginGetsNoCorsHeaders() {
    var preflight = api.withHeader("Origin", "https://evil.example.net")
        .withHeader("Access-Control-Request-Method", "POST")
        .send("OPTIONS", "/api/articles", null);

    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    assertThat(preflight.status()).isGreaterThanOrEqualTo(400).isLessThan(500);
  }

  @Test
  void withoutConfiguredOriginsNoPreflightIsAllowed() {
    var preflight = TestApp.client().withHeader("Origin", FRONTEND)
        .withHeader("Access-Control-Request-Method", "POST")
        .send("OPTIONS", "/api/articles", null);

    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void everyAnswerSaysNoSniffEvenAMalformedRequestsAndHealth() {
    assertThat(api.get("/api/tags").header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(api.get("/api/nowhere").header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(api.get("/api/v1/health/live").header("X-Content-Type-Options")).isEqualTo("nosniff");
    try (RawConnection connection = RawConnection.open(app.port())) {
      connection.send("GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(connection.readResponse(Duration.ofSeconds(10)).toLowerCase())
          .contains("x-content-type-options: nosniff");
    }
  }

  @Test
  void answersCarryingATokenOrPrivateDataAreNoStoreAndPublicOnesAreNot() {
    var registration = api.post("/api/users", Registrations.body(ApiClient.unique("u"),
        ApiClient.unique("e") + "@example.com", Registrations.PASSWORD));
    String token = registration.json().getJsonObject("user").getString("token");

    assertThat(registration.header("Cache-Control")).isEqualTo("no-store");
    assertThat(api.withToken(token).get("/api/user").header("Cache-Control")).isEqualTo("no-store");
    assertThat(api.withToken(token).get("/api/articles").header("Cache-Control")).isEqualTo("no-store");
    assertThat(api.get("/api/user").header("Cache-Control")).isEqualTo("no-store");
    assertThat(api.get("/api/tags").header("Cache-Control")).isNull();
  }

  @Test
  void aBodyWithoutAJsonContentTypeIs415AndWritesNothing() {
    String username = ApiClient.unique("form");
    String body = Registrations.body(username, username + "@example.com", Registrations.PASSWORD)
        .encode();

    for (String type : List.of("text/plain", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x")) {
      var response = api.withHeader("Content-Type", type).send("POST", "/api/users", body);
      assertThat(response.status()).as(type).isEqualTo(415);
      assertThat(response.json()).isEqualTo(new JsonObject().put("errors",
          new JsonObject().put("content-type", List.of("must be application/json"))));
    }
    assertThat(api.get("/api/profiles/" + username).status()).isEqualTo(404);
    var json = api.withHeader("Content-Type", "application/json; charset=UTF-8")
        .send("POST", "/api/users", body);
    assertThat(json.status()).isEqualTo(201);
  }
}
