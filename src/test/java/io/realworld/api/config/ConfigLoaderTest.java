package io.realworld.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

  private static final String SECRET = "0123456789abcdef0123456789abcdef";
  private static final Map<String, String> MINIMAL = Map.of(
      "DATABASE_URL", "postgres://app:s3cret@db.internal:6543/conduit",
      "JWT_SECRET", SECRET);

  @Test
  void appliesTheDocumentedDefaults() {
    Config config = ConfigLoader.load(MINIMAL);

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.logLevel()).isEqualTo("INFO");
    assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(25));
    assertThat(config.shutdownDelay()).isZero();
    assertThat(config.dbPoolSize()).isEqualTo(10);
    assertThat(config.dbTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.metricsEnabled()).isTrue();
    assertThat(config.metricsPort()).isZero();
    assertThat(config.metricsServed()).isFalse();
    assertThat(config.maxConnections()).isEqualTo(1000);
    assertThat(config.headerTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.loginFailuresPerMinute()).isEqualTo(10);
    assertThat(config.writeRatePerAccount()).isEqualTo(new RateLimit(60, 30));
    assertThat(config.signupRatePerClient()).isEqualTo(new RateLimit(20, 10));
    assertThat(config.corsAllowedOrigins()).isEmpty();
    assertThat(config.trustedProxies().isEmpty()).isTrue();
    assertThat(config.database().host()).isEqualTo("db.internal");
    assertThat(config.database().port()).isEqualTo(6543);
    assertThat(config.database().database()).isEqualTo("conduit");
    assertThat(config.database().user()).isEqualTo("app");
    assertThat(config.database().revealPassword()).isEqualTo("s3cret");
  }

  @Test
  void readsEveryVariable() {
    Map<String, String> all = new HashMap<>(Map.of("PORT", "9000", "LOG_LEVEL", "debug",
        "SHUTDOWN_TIMEOUT", "1500ms", "DB_POOL_SIZE", "32", "DB_TIMEOUT", "2",
        "METRICS_ENABLED", "FALSE", "MAX_CONNECTIONS", "250", "HEADER_TIMEOUT", "3s",
        "LOGIN_FAILURES_PER_MINUTE", "30",
        "CORS_ALLOWED_ORIGINS", "https://app.example.com, http://localhost:4200"));
    all.put("TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.7, fd00::/8");
    all.put("METRICS_PORT", "9100");
    all.put("WRITE_RATE_PER_ACCOUNT", "120,40");
    all.put("SIGNUP_RATE_PER_CLIENT", " 5 ");
    Config config = ConfigLoader.load(with(all));

    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.logLevel()).isEqualTo("DEBUG");
    assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.dbPoolSize()).isEqualTo(32);
    assertThat(config.dbTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.metricsEnabled()).isFalse();
    assertThat(config.metricsPort()).isEqualTo(9100);
    assertThat(config.metricsServed()).as("METRICS_ENABLED=false wins").isFalse();
    assertThat(config.maxConnections()).isEqualTo(250);
    assertThat(config.headerTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.loginFailuresPerMinute()).isEqualTo(30);
    assertThat(config.writeRatePerAccount()).isEqualTo(new RateLimit(120, 40));
    assertThat(config.signupRatePerClient()).as("a rate alone: a burst of one minute's worth")
        .isEqualTo(new RateLimit(5, 5));
    assertThat(config.corsAllowedOrigins())
        .containsExactly("https://app.example.com", "http://localhost:4200");
    assertThat(config.trustedProxies().blocks()).map(Object::toString)
        .containsExactly("10.0.0.0/8", "192.168.1.7/32", "fd00:0:0:0:0:0:0:0/8");
  }

  @Test
  void aShutdownDelayMayBeZeroOrAFewSeconds() {
    assertThat(ConfigLoader.load(with(Map.of("SHUTDOWN_DELAY", "0"))).shutdownDelay()).isZero();
    assertThat(ConfigLoader.load(with(Map.of("SHUTDOWN_DELAY", "2s"))).shutdownDelay())
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void reportsEveryMissingRequiredVariableAtOnce() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
            .containsExactly("DATABASE_URL is required but not set", "JWT_SECRET is required but not set"));
  }

  @ParameterizedTest
  @CsvSource({
      "PORT, abc, PORT must be a whole number",
      "PORT, 70000, PORT must be between 1 and 65535",
      "JWT_SECRET, too-short-secret, JWT_SECRET must be at least 32 bytes",
      "DATABASE_URL, mysql://u:p@h/db, DATABASE_URL must start with postgres://",
      "DATABASE_URL, postgres://u:p@h:5432/, DATABASE_URL has no database name",
      "DATABASE_URL, postgres://u:p@h/db?sslmode=sometimes, DATABASE_URL has an unknown sslmode",
      "LOG_LEVEL, LOUD, LOG_LEVEL must be one of",
      "SHUTDOWN_TIMEOUT, -1, SHUTDOWN_TIMEOUT must be a duration",
      "SHUTDOWN_TIMEOUT, 0, SHUTDOWN_TIMEOUT must be more than 0",
      "SHUTDOWN_DELAY, 31s, SHUTDOWN_DELAY must be at most 30s",
      "SHUTDOWN_DELAY, soon, SHUTDOWN_DELAY must be a duration",
      "DB_POOL_SIZE, 0, DB_POOL_SIZE must be between 1 and 200",
      "DB_TIMEOUT, soon, DB_TIMEOUT must be a duration",
      "METRICS_ENABLED, yes, METRICS_ENABLED must be true or false",
      "METRICS_PORT, 8080, METRICS_PORT must differ from PORT",
      "METRICS_PORT, 0, METRICS_PORT must be between 1 and 65535",
      "MAX_CONNECTIONS, 0, MAX_CONNECTIONS must be between 1 and 1000000",
      "MAX_CONNECTIONS, many, MAX_CONNECTIONS must be a whole number",
      "HEADER_TIMEOUT, 2m, HEADER_TIMEOUT must be at most 60s",
      "LOGIN_FAILURES_PER_MINUTE, 0, LOGIN_FAILURES_PER_MINUTE must be between 1 and 100000",
      "WRITE_RATE_PER_ACCOUNT, 0, WRITE_RATE_PER_ACCOUNT must be requests per minute and an",
      "WRITE_RATE_PER_ACCOUNT, '60,0', WRITE_RATE_PER_ACCOUNT must be requests per minute and",
      "WRITE_RATE_PER_ACCOUNT, '60,30,1', WRITE_RATE_PER_ACCOUNT must be requests per minute",
      "WRITE_RATE_PER_ACCOUNT, 60/min, WRITE_RATE_PER_ACCOUNT must be requests per minute and",
      "WRITE_RATE_PER_ACCOUNT, -5, WRITE_RATE_PER_ACCOUNT must be requests per minute and an",
      "WRITE_RATE_PER_ACCOUNT, 1000001, WRITE_RATE_PER_ACCOUNT must be requests per minute",
      "SIGNUP_RATE_PER_CLIENT, '20,', SIGNUP_RATE_PER_CLIENT must be requests per minute and",
      "SIGNUP_RATE_PER_CLIENT, many, SIGNUP_RATE_PER_CLIENT must be requests per minute and",
      "CORS_ALLOWED_ORIGINS, *, CORS_ALLOWED_ORIGINS must be a comma-separated list of origins",
      "CORS_ALLOWED_ORIGINS, https://app.example.com/, CORS_ALLOWED_ORIGINS must be a comma-sep",
      "CORS_ALLOWED_ORIGINS, app.example.com, CORS_ALLOWED_ORIGINS must be a comma-separated",
      "TRUSTED_PROXIES, proxy.internal, TRUSTED_PROXIES must be a comma-separated list of IP",
      "TRUSTED_PROXIES, 10.0.0.0/33, TRUSTED_PROXIES must be a comma-separated list of IP",
      "TRUSTED_PROXIES, 10.0.0.0/8/8, TRUSTED_PROXIES must be a comma-separated list of IP",
      "TRUSTED_PROXIES, 10.0.0/8, TRUSTED_PROXIES must be a comma-separated list of IP",
      "TRUSTED_PROXIES, '10.0.0.1,,10.0.0.2', TRUSTED_PROXIES must be a comma-separated list",
      "TRUSTED_PROXIES, *, TRUSTED_PROXIES must be a comma-separated list of IP"})
  void namesTheInvalidVariable(String name, String value, String expected) {
    assertThatThrownBy(() -> ConfigLoader.load(with(Map.of(name, value))))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
            .singleElement().asString().startsWith(expected));
  }

  @Test
  void neverRepeatsASecretValueInItsMessages() {
    String password = "p4ssw0rd-canary";
    String secret = "short-canary";
    ConfigException e = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() ->
        ConfigLoader.load(Map.of("DATABASE_URL", "mysql://app:" + password + "@h/db",
            "JWT_SECRET", secret)));

    assertThat(e.getMessage()).doesNotContain(password).doesNotContain(secret);
    assertThat(e.getStackTrace()).isEmpty();
  }

  @Test
  void theConfigCanBeLoggedWithoutItsSecrets() {
    Config config = ConfigLoader.load(MINIMAL);

    assertThat(config.toString()).doesNotContain(SECRET).doesNotContain("s3cret");
  }

  @Test
  void theMigrateCommandNeedsOnlyTheDatabase() {
    assertThat(ConfigLoader.loadDatabaseUrl(Map.of("DATABASE_URL", "postgresql://h/db")).host())
        .isEqualTo("h");
    assertThatThrownBy(() -> ConfigLoader.loadDatabaseUrl(Map.of()))
        .hasMessageContaining("DATABASE_URL is required");
  }

  private static Map<String, String> with(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(MINIMAL);
    env.putAll(overrides);
    return env;
  }
}
