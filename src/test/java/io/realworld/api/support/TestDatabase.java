package io.realworld.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One embedded PostgreSQL per test JVM: a real server, started on first use. */
public final class TestDatabase {

  private static EmbeddedPostgres postgres;

  private TestDatabase() {
  }

  public static synchronized String url() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::close));
    }
    return "postgres://postgres:postgres@localhost:" + postgres.getPort() + "/postgres";
  }

  private static void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      // the JVM is exiting; the temporary cluster is removed with it
    }
  }
}
