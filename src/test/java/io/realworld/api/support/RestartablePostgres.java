package io.realworld.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL that a test can stop and start again: the same port and the same data directory,
 * so the data outlives the outage, as with a real database restart.
 */
public final class RestartablePostgres implements AutoCloseable {

  private final int port;
  private final Path dataDirectory;
  private EmbeddedPostgres running;

  public RestartablePostgres(int port) {
    this.port = port;
    try {
      this.dataDirectory = Files.createTempDirectory("restartable-postgres");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "postgres://postgres:postgres@127.0.0.1:" + port + "/postgres";
  }

  public void start() {
    try {
      running = EmbeddedPostgres.builder()
          .setPort(port)
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
    }
  }

  /** A fast shutdown: PostgreSQL ends its sessions and stops listening. */
  public void stop() {
    try {
      running.close();
      running = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (running != null) {
      stop();
    }
  }
}
