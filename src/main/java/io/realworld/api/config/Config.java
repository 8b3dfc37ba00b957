package io.realworld.api.config;

import java.time.Duration;
import java.util.List;

/**
 * Everything the service takes from its environment, validated. The JWT secret and the
 * database password are {@link Secret}s, so a Config's own toString never shows them.
 */
public record Config(
    int port,
    DatabaseUrl database,
    Secret jwtSecret,
    String logLevel,
    Duration shutdownTimeout,
    Duration shutdownDelay,
    int dbPoolSize,
    Duration dbTimeout,
    boolean metricsEnabled,
    int metricsPort,
    int maxConnections,
    Duration headerTimeout,
    int loginFailuresPerMinute,
    RateLimit writeRatePerAccount,
    RateLimit signupRatePerClient,
    List<String> corsAllowedOrigins,
    TrustedProxies trustedProxies) {

  public Config {
    corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
  }

  /** Whether metrics are collected: only when something can scrape them, on METRICS_PORT. */
  public boolean metricsServed() {
    return metricsEnabled && metricsPort != 0;
  }
}
