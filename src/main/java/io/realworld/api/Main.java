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
  private static final int FAILED = 1;

  private Main() {
  }

  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    String command = args.length == 0 ? "web" : args[0];
    if (args.length > 1) {
      LOG.error("unexpected arguments after '{}': {} takes none", command, command);
      System.exit(EX_USAGE);
    }
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
    } catch (Exception e) {
      // Future.await rethrows checked causes too (a BindException); left uncaught, the exception
      // would end only the main thread, and Vert.x's threads would keep a JVM serving nothing
      // alive
      LOG.error("{} failed: {}", command, e.toString());
      System.exit(FAILED);
    }
  }
}
