package io.realworld.api.config;

import java.time.Duration;
import java.util.List;

/**
 * Everything the service takes from its environment, validated. {@link #toString()} never shows
 * a secret, so a Config may be logged.
 */
public record Config(
    int port,
    DatabaseUrl database,
    String jwtSecret,
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
    List<String> corsAllowedOrigins,
    TrustedProxies trustedProxies) {

  public Config {
    corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
  }

  /** Whether metrics are collected: only when something can scrape them, on METRICS_PORT. */
  public boolean metricsServed() {
    return metricsEnabled && metricsPort != 0;
  }

  @Override
  public String toString() {
    return "Config[port=" + port + ", database=" + database + ", jwtSecret=<redacted>, logLevel="
        + logLevel + ", shutdownTimeout=" + shutdownTimeout + ", shutdownDelay=" + shutdownDelay
        + ", dbPoolSize=" + dbPoolSize
        + ", dbTimeout=" + dbTimeout + ", metricsEnabled=" + metricsEnabled + ", metricsPort=" + metricsPort + ", maxConnections="
        + maxConnections + ", headerTimeout=" + headerTimeout + ", loginFailuresPerMinute="
        + loginFailuresPerMinute + ", corsAllowedOrigins=" + corsAllowedOrigins
        + ", trustedProxies=" + trustedProxies.blocks() + "]";
  }
}
