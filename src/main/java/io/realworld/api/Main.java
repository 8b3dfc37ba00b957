package io.realworld.api;

import io.realworld.api.config.ConfigException;
import io.realworld.api.config.ConfigLoader;
import io.realworld.api.server.Application;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** {@code web} (the default) serves the API; {@code migrate} applies the schema and exits. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  private static final int EX_USAGE = 64;

  private Main() {
  }

  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    String command = args.length == 0 ? "web" : args[0];
    try {
      switch (command) {
        case "web" -> Application.start(ConfigLoader.fromSystemEnvironment()).exitOnSignals();
        case "migrate" -> Application.migrate(ConfigLoader.databaseUrlFromSystemEnvironment(),
            Duration.ofSeconds(10));
        default -> {
          LOG.error("unknown command '{}': use web (the default) or migrate", command);
          System.exit(EX_USAGE);
        }
      }
    } catch (ConfigException e) {
      LOG.error(e.getMessage());
      System.exit(ConfigException.EXIT_CODE);
    }
  }
}
