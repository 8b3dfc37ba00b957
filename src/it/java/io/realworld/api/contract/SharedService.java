package io.realworld.api.contract;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One running service per test JVM for the checks that only watch it, started with canary secrets
 * (a JWT secret and a database password that must never appear anywhere).
 */
final class SharedService {

  static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  static final String JWT_SECRET = Canaries.runtime("jwt-secret");
  private static AppRun running;

  private SharedService() {
  }

  static synchronized AppRun running() {
    if (running == null) {
      running = AppTarget.current().start(validEnvironment());
      Runtime.getRuntime().addShutdownHook(new Thread(running::close));
      Http.awaitReady(running, READY_TIMEOUT);
    }
    return running;
  }

  /** A complete, valid configuration against the target's PostgreSQL. */
  static Map<String, String> validEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", AppTarget.current().databaseUrl());
    env.put("JWT_SECRET", JWT_SECRET);
    env.put("LOG_LEVEL", "INFO");
    return env;
  }
}
