package io.realworld.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL for scripts (startup timing, benchmarks) on a machine with only a JDK: starts
 * the embedded server, prints {@code DATABASE_URL=...} on one line, and runs until it is stopped.
 * Usage: {@code PostgresServer [port]}.
 */
public final class PostgresServer {

  private PostgresServer() {
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (args.length > 0) {
      builder.setPort(Integer.parseInt(args[0]));
    }
    EmbeddedPostgres postgres = builder.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        postgres.close();
      } catch (IOException e) {
        // exiting anyway; the temporary cluster goes with the process
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
