package io.realworld.api.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the service's configuration from environment variables, and reports every missing or
 * invalid one at once. The only place in the code that reads the environment.
 */
public final class ConfigLoader {

  public static final int MIN_JWT_SECRET_BYTES = 32;
  private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
  private static final Pattern ORIGIN =
      Pattern.compile("https?://[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\\d{1,5})?");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)?");

  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  private ConfigLoader(Map<String, String> env) {
    this.env = env;
  }

  /** The configuration of the running process. */
  public static Config fromSystemEnvironment() {
    return load(System.getenv());
  }

  /** The configuration the given variables describe; throws ConfigException listing every problem. */
  public static Config load(Map<String, String> env) {
    ConfigLoader loader = new ConfigLoader(env);
    Config config = loader.read();
    if (!loader.problems.isEmpty()) {
      throw new ConfigException(loader.problems);
    }
    return config;
  }

  /** Only what the {@code migrate} command needs: the database. */
  public static DatabaseUrl loadDatabaseUrl(Map<String, String> env) {
    ConfigLoader loader = new ConfigLoader(env);
    DatabaseUrl url = loader.required("DATABASE_URL", DatabaseUrl::parse);
    if (!loader.problems.isEmpty()) {
      throw new ConfigException(loader.problems);
    }
    return url;
  }

  public static DatabaseUrl databaseUrlFromSystemEnvironment() {
    return loadDatabaseUrl(System.getenv());
  }

  private Config read() {
    int port = optional("PORT", 8080, value -> integer(value, 1, 65535));
    DatabaseUrl database = required("DATABASE_URL", DatabaseUrl::parse);
    Secret jwtSecret = required("JWT_SECRET", ConfigLoader::jwtSecret);
    String logLevel = optional("LOG_LEVEL", "INFO", ConfigLoader::logLevel);
    Duration shutdownTimeout = optional("SHUTDOWN_TIMEOUT", Duration.ofSeconds(25),
        value -> duration(value, Duration.ofMinutes(10)));
    // How long readiness says 503 before the listener closes, so that a load balancer that polls
    // readiness stops sending first; 0 where the platform stops routing by itself (Kubernetes'
    // endpoint removal with a preStop pause, Heroku's router).
    Duration shutdownDelay = optional("SHUTDOWN_DELAY", Duration.ZERO,
        value -> durationOrZero(value, Duration.ofSeconds(30)));
    int dbPoolSize = optional("DB_POOL_SIZE", 10, value -> integer(value, 1, 200));
    Duration dbTimeout = optional("DB_TIMEOUT", Duration.ofSeconds(5),
        value -> duration(value, Duration.ofMinutes(1)));
    // Prometheus metrics at /metrics; off only for a service that is scraped some other way
    boolean metricsEnabled = optional("METRICS_ENABLED", true, ConfigLoader::bool);
    // Metrics show the JVM's version and each route's traffic, and a scrape is large: never on the
    // public port, only on this one (0: none), which the platform keeps internal.
    int metricsPort = optional("METRICS_PORT", 0, value -> integer(value, 1, 65535));
    if (metricsPort == port) {
      problems.add("METRICS_PORT must differ from PORT");
    }
    // Open HTTP connections across all event loops; extra ones are closed as they arrive.
    int maxConnections = optional("MAX_CONNECTIONS", 1000, value -> integer(value, 1, 1_000_000));
    // How long a new connection may take to send its first request head (slowloris defence).
    Duration headerTimeout = optional("HEADER_TIMEOUT", Duration.ofSeconds(10),
        value -> duration(value, Duration.ofMinutes(1)));
    // Failed logins allowed per minute for one client address, and for one email, before 429.
    int loginFailuresPerMinute = optional("LOGIN_FAILURES_PER_MINUTE", 10,
        value -> integer(value, 1, 100_000));
    // Writes per account (articles, comments, favorites, follows, the account itself), and
    // sign-ups per client address, before 429: a sustained rate per minute, with a burst.
    RateLimit writeRatePerAccount = optional("WRITE_RATE_PER_ACCOUNT", new RateLimit(60, 30),
        RateLimit::parse);
    RateLimit signupRatePerClient = optional("SIGNUP_RATE_PER_CLIENT", new RateLimit(20, 10),
        RateLimit::parse);
    // Origins of browser frontends allowed to call the API (CORS); none by default.
    List<String> corsAllowedOrigins = optional("CORS_ALLOWED_ORIGINS", List.of(),
        ConfigLoader::origins);
    // Peers whose X-Forwarded-For/Forwarded name the client; none by default, as anyone can send
    // those headers to a service that is reachable without a proxy.
    TrustedProxies trustedProxies = optional("TRUSTED_PROXIES", TrustedProxies.none(),
        TrustedProxies::parse);
    return new Config(port, database, jwtSecret, logLevel, shutdownTimeout, shutdownDelay,
        dbPoolSize, dbTimeout, metricsEnabled, metricsPort, maxConnections, headerTimeout, loginFailuresPerMinute,
        writeRatePerAccount, signupRatePerClient, corsAllowedOrigins, trustedProxies);
  }

  private <T> T required(String name, Function<String, T> parser) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      problems.add(name + " is required but not set");
      return null;
    }
    return parse(name, value, parser, null);
  }

  private <T> T optional(String name, T defaultValue, Function<String, T> parser) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    return parse(name, value, parser, defaultValue);
  }

  private <T> T parse(String name, String value, Function<String, T> parser, T fallback) {
    try {
      return parser.apply(value.trim());
    } catch (IllegalArgumentException e) {
      problems.add(name + " " + e.getMessage());
      return fallback;
    }
  }

  private static int integer(String value, int min, int max) {
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a whole number between " + min + " and " + max);
    }
    if (number < min || number > max) {
      throw new IllegalArgumentException("must be between " + min + " and " + max);
    }
    return number;
  }

  /** Whole seconds ("25"), or a number with a unit: "500ms", "25s", "1m"; more than zero. */
  private static Duration duration(String value, Duration max) {
    Duration duration = durationOrZero(value, max);
    if (duration.isZero()) {
      throw new IllegalArgumentException("must be more than 0 and at most " + max.toSeconds() + "s");
    }
    return duration;
  }

  private static Duration durationOrZero(String value, Duration max) {
    Matcher matcher = DURATION.matcher(value);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("must be a duration such as 25s, 500ms or 1m");
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2);
    Duration duration = switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofSeconds(amount);
    };
    if (duration.compareTo(max) > 0) {
      throw new IllegalArgumentException("must be at most " + max.toSeconds() + "s");
    }
    return duration;
  }

  private static Secret jwtSecret(String value) {
    if (value.getBytes(StandardCharsets.UTF_8).length < MIN_JWT_SECRET_BYTES) {
      throw new IllegalArgumentException("must be at least " + MIN_JWT_SECRET_BYTES + " bytes long");
    }
    return new Secret(value);
  }

  /** A comma-separated list of origins: scheme, host and optional port, no path, no wildcard. */
  private static List<String> origins(String value) {
    List<String> origins = new ArrayList<>();
    for (String origin : value.split(",")) {
      String trimmed = origin.trim();
      if (!ORIGIN.matcher(trimmed).matches()) {
        throw new IllegalArgumentException(
            "must be a comma-separated list of origins such as https://app.example.com");
      }
      origins.add(trimmed);
    }
    return List.copyOf(origins);
  }

  private static boolean bool(String value) {
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("must be true or false");
    };
  }

  private static String logLevel(String value) {
    String level = value.toUpperCase(java.util.Locale.ROOT);
    if (!LOG_LEVELS.contains(level)) {
      throw new IllegalArgumentException("must be one of TRACE, DEBUG, INFO, WARN, ERROR");
    }
    return level;
  }
}
