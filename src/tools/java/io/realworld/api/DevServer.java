package io.realworld.api;

import io.realworld.api.config.ConfigException;
import io.realworld.api.config.ConfigLoader;
import io.realworld.api.server.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code make run}: the service for development. Without DATABASE_URL it starts an embedded
 * PostgreSQL whose data lives in {@code .data/} (git-ignored) and survives restarts, and a
 * development-only JWT secret kept beside it. A tool in src/tools/java, compiled with the tests
 * (it needs their classpath: the embedded PostgreSQL), so none of it reaches target/api.jar.
 */
public final class DevServer {

  private static final Logger LOG = LoggerFactory.getLogger(DevServer.class);
  private static final Path DATA = Path.of(".data");
  private static final int DEV_DATABASE_PORT = 54329;

  private DevServer() {
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> env = new HashMap<>(System.getenv());
    if (isBlank(env.get("DATABASE_URL"))) {
      env.put("DATABASE_URL", startEmbeddedPostgres());
    }
    if (isBlank(env.get("JWT_SECRET"))) {
      env.put("JWT_SECRET", developmentSecret());
      LOG.warn("JWT_SECRET is not set: using a generated development-only secret from {}",
          DATA.resolve("dev-jwt-secret"));
    }
    try {
      Application application = Application.start(ConfigLoader.load(env));
      application.exitOnSignals();
      LOG.info("Conduit API at http://localhost:{}/api (health: /api/v1/health)", application.port());
    } catch (ConfigException e) {
      LOG.error(e.getMessage());
      System.exit(ConfigException.EXIT_CODE);
    }
  }

  private static String startEmbeddedPostgres() throws IOException {
    Path directory = DATA.resolve("postgres");
    Files.createDirectories(directory);
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(directory)
        .setCleanDataDirectory(false)
        .setPort(DEV_DATABASE_PORT)
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        postgres.close();
      } catch (IOException e) {
        LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.toString());
      }
    }));
    LOG.info("embedded PostgreSQL on port {}, data in {}", DEV_DATABASE_PORT, directory);
    return "postgres://postgres:postgres@localhost:" + DEV_DATABASE_PORT + "/postgres";
  }

  private static String developmentSecret() throws IOException {
    Path file = DATA.resolve("dev-jwt-secret");
    if (Files.exists(file)) {
      return Files.readString(file).trim();
    }
    byte[] bytes = new byte[48];
    new SecureRandom().nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Files.createDirectories(DATA);
    Files.writeString(file, secret);
    return secret;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
