package io.realworld.api.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * LOG_LEVEL for everything but the libraries that log network traffic below a level: there they
 * trace the database protocol (the JDBC driver's FE=>/<=BE lines, which carry the SCRAM exchange:
 * salt, nonces and proof are enough for an offline attack on the database password) and raw
 * bytes. Those stay at their cap whatever LOG_LEVEL says, TRACE included.
 */
final class LogLevels {

  static final Map<String, Level> CAPS = Map.of(
      "io.netty", Level.WARN,
      "io.vertx.pgclient", Level.INFO,
      "io.vertx.sqlclient", Level.INFO,
      "io.vertx.core.net", Level.INFO,
      "org.postgresql", Level.INFO,
      "com.ongres", Level.INFO);

  /**
   * java.util.logging holds its loggers weakly, and one collected would come back without its
   * level: these references keep the JDBC driver's cap.
   */
  private static final Map<String, java.util.logging.Logger> JUL_CAPPED = new HashMap<>();

  private LogLevels() {
  }

  private static java.util.logging.Level julLevel(Level level) {
    return switch (level.toInt()) {
      case Level.ERROR_INT -> java.util.logging.Level.SEVERE;
      case Level.WARN_INT -> java.util.logging.Level.WARNING;
      default -> java.util.logging.Level.INFO;
    };
  }

  static synchronized void apply(String level) {
    Level chosen = Level.toLevel(level);
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(chosen);
    CAPS.forEach((name, cap) -> {
      Level effective = chosen.isGreaterOrEqual(cap) ? chosen : cap;
      ((Logger) LoggerFactory.getLogger(name)).setLevel(effective);
      // the JDBC driver logs through java.util.logging, and builds its FINEST records there:
      // capped at the source, whether or not logback propagates its levels
      JUL_CAPPED.computeIfAbsent(name, java.util.logging.Logger::getLogger)
          .setLevel(julLevel(effective));
    });
  }
}
