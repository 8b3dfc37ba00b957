package io.realworld.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.config.DatabaseUrl;
import io.realworld.api.support.ApiClient;
import io.realworld.api.support.CapturedLogs;
import io.realworld.api.support.Registrations;
import io.realworld.api.support.StandaloneApp;
import io.realworld.api.support.TestArticles;
import io.realworld.api.support.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Runs a service with canary secrets at DEBUG and at TRACE through a representative flow (startup and
 * migration, registration, failed and good logins, authenticated calls, a password change, bad
 * tokens, shutdown) and reads every log line it wrote: none may hold the JWT secret, the
 * database password, a password from a request, or a token, nor the database's SCRAM exchange
 * (its salt, nonces and proof are enough for an offline attack on the database password). The JDBC
 * driver (Flyway's) logs through java.util.logging: as in production (Main's bridge, logback.xml's
 * level propagation), its events reach logback here, at every level.
 */
class SecretsNeverLoggedTest {

  /**
   * SCRAM's messages, and the protocol traces they are written in (the JDBC driver's FE=>/<=BE
   * lines): the embedded server trusts local connections, so the exchange itself never happens
   * here, and its trace stands for it.
   */
  private static final Pattern SCRAM = Pattern.compile(
      "(?i)FE=>|<=BE|sasl|scram-sha|\\br=[A-Za-z0-9+/=]{16,},s=|,p=[A-Za-z0-9+/=]{20,}|n,,n=");

  @ParameterizedTest
  @ValueSource(strings = {"DEBUG", "TRACE"})
  void noLogLineHoldsASecretAPasswordOrAToken(String level) throws SQLException {
    String suffix = ApiClient.unique("").toLowerCase();
    String jwtSecret = "jwt-canary-" + suffix + "-0123456789abcdef0123456789";
    String dbPassword = "db-canary-" + suffix;
    String role = "canary_" + suffix;
    createRoleAndDatabase(role, dbPassword);
    DatabaseUrl shared = DatabaseUrl.parse(TestDatabase.url());
    String databaseUrl = "postgres://" + role + ":" + dbPassword + "@" + shared.host() + ":"
        + shared.port() + "/" + role;

    List<String> secrets = new ArrayList<>(List.of(jwtSecret, dbPassword));
    List<String> lines;
    java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
    java.util.logging.Level julLevel = julRoot.getLevel();
    boolean bridged = SLF4JBridgeHandler.isInstalled();
    SLF4JBridgeHandler.install();
    julRoot.setLevel(java.util.logging.Level.ALL);
    try (CapturedLogs logs = CapturedLogs.capture()) {
      try (StandaloneApp app = StandaloneApp.startReady(Map.of("DATABASE_URL", databaseUrl,
          "JWT_SECRET", jwtSecret, "LOG_LEVEL", level))) {
        secrets.addAll(representativeFlow(app.client()));
      }
      lines = logs.lines();
    } finally {
      julRoot.setLevel(julLevel);
      if (!bridged) {
        SLF4JBridgeHandler.uninstall();
      }
    }

    assertThat(lines).as("the capture saw the flow")
        .anyMatch(line -> line.contains("/api/users/login"))
        .anyMatch(line -> line.contains("\"status\":401"))
        .anyMatch(line -> line.contains("served as anonymous")
            && line.contains("\"reason\":\"invalid token\"") && line.contains("\"requestId\":"));
    for (String secret : secrets) {
      assertThat(lines).as("log lines holding a secret").noneMatch(line -> line.contains(secret));
    }
    assertThat(lines).as("log lines of the SCRAM exchange")
        .noneMatch(line -> SCRAM.matcher(line).find());
  }

  /** Drives the API; returns every password it sent and every token it saw. */
  private static List<String> representativeFlow(ApiClient api) {
    List<String> secrets = new ArrayList<>();
    String username = ApiClient.unique("canary");
    String email = username + "@example.com";
    String password = "first-canary-password-" + username;
    String wrong = "wrong-canary-password-" + username;
    String changed = "changed-canary-password-" + username;
    secrets.addAll(List.of(password, wrong, changed));

    var registered = api.post("/api/users", Registrations.body(username, email, password));
    assertThat(registered.status()).isEqualTo(201);
    secrets.add(registered.json().getJsonObject("user").getString("token"));

    assertThat(api.post("/api/users/login", login(email, wrong)).status()).isEqualTo(401);
    var loggedIn = api.post("/api/users/login", login(email, password));
    assertThat(loggedIn.status()).isEqualTo(200);
    String token = loggedIn.json().getJsonObject("user").getString("token");
    secrets.add(token);

    ApiClient signedIn = api.withToken(token);
    assertThat(signedIn.get("/api/user").status()).isEqualTo(200);
    assertThat(signedIn.post("/api/articles", TestArticles.body(ApiClient.unique("t"), "x"))
        .status()).isEqualTo(201);
    assertThat(signedIn.put("/api/user", new JsonObject().put("user",
        new JsonObject().put("password", changed))).status()).isEqualTo(200);
    var again = api.post("/api/users/login", login(email, changed));
    assertThat(again.status()).isEqualTo(200);
    secrets.add(again.json().getJsonObject("user").getString("token"));

    String forged = token.substring(0, token.lastIndexOf('.') + 1) + "Zm9yZ2Vk";
    secrets.add(forged);
    assertThat(api.withToken(forged).get("/api/user").status()).isEqualTo(401);
    // where auth is optional, the forged token is served as anonymous, and that is logged
    assertThat(api.withToken(forged).get("/api/articles").status()).isEqualTo(200);
    assertThat(api.post("/api/users/login", new JsonObject().put("user",
        new JsonObject().put("email", email).put("password", 42))).status()).isEqualTo(422);
    return secrets;
  }

  private static JsonObject login(String email, String password) {
    return new JsonObject().put("user", new JsonObject().put("email", email).put("password", password));
  }

  private static void createRoleAndDatabase(String role, String password) throws SQLException {
    DatabaseUrl url = DatabaseUrl.parse(TestDatabase.url());
    try (Connection connection = DriverManager.getConnection(url.jdbcUrl(5), url.user(), url.revealPassword());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
      statement.execute("CREATE DATABASE " + role + " OWNER " + role);
    }
  }
}
