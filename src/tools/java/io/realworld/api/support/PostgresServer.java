package io.realworld.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL for scripts (startup timing, benchmarks, fault suites) on a machine with only
 * a JDK: starts the embedded server, prints {@code DATABASE_URL=...} on one line, and runs until it
 * is stopped (SIGTERM: PostgreSQL shuts down cleanly). Usage: {@code PostgresServer [port
 * [dataDir]]}. With a data directory the cluster outlives the process: started again on the same
 * port and directory, it is the same database (what the database outage suite needs); without
 * one, a temporary cluster is created and deleted.
 */
public final class PostgresServer {

  private PostgresServer() {
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (args.length > 0) {
      builder.setPort(Integer.parseInt(args[0]));
    }
    if (args.length > 1) {
      // kept between runs: initialised on first use only
      builder.setDataDirectory(new File(args[1])).setCleanDataDirectory(false);
    }
    EmbeddedPostgres postgres = builder.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        postgres.close();
      } catch (IOException e) {
        // exiting anyway; a temporary cluster goes with the process
      }
      stopped.countDown();
    }));
    // stdout is the script's interface: one line it can parse
    System.out.println("DATABASE_URL=postgres://postgres:postgres@127.0.0.1:" + postgres.getPort()
        + "/postgres");
    System.out.flush();
    stopped.await();
  }
}
