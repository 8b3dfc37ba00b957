package io.realworld.api.db;

import io.realworld.api.config.Config;
import io.realworld.api.config.DatabaseUrl;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates the one connection pool the service uses. */
public final class Database {

  private static final AtomicInteger POOLS = new AtomicInteger();

  private Database() {
  }

  /**
   * One verticle's pool of {@code size} connections, on that verticle's event loop. Created in the
   * verticle, it closes when the verticle undeploys, after its HTTP drain. (A pool shared between
   * verticles closes its connection factory with the first verticle to undeploy, and so fails the
   * requests another verticle is still draining.)
   *
   * <p>While PostgreSQL is down, requests fail fast: a refused connection fails at once (no
   * reconnect attempts), waiting for a connection or connecting is bounded by DB_TIMEOUT, and
   * connections that PostgreSQL closed leave the pool. When it is back, the next request opens
   * a new connection: no restart needed.
   */
  public static Pool pool(Vertx vertx, Config config, int size) {
    // the metrics' pool_name: one per verticle, as each pool's gauges must be its own
    return build(vertx, config, size, "conduit-" + POOLS.incrementAndGet(), size * 64);
  }

  /**
   * Readiness's own connection, for the whole process, beside DB_POOL_SIZE: a request pool that
   * is busy to its last connection is overload, not an unreachable database, and must not turn
   * every replica unready at once. Probes that arrive while {@link #READINESS_QUEUE} others wait
   * fail at once (503) instead of piling up.
   */
  public static Pool readinessPool(Vertx vertx, Config config) {
    return build(vertx, config, 1, "readiness", READINESS_QUEUE);
  }

  /** Probes waiting for readiness's connection, beyond which a probe fails at once. */
  static final int READINESS_QUEUE = 8;

  private static Pool build(Vertx vertx, Config config, int size, String name, int waitQueue) {
    PoolOptions poolOptions = new PoolOptions()
        .setMaxSize(size)
        .setName(name)
        .setConnectionTimeout((int) config.dbTimeout().toMillis())
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
        .setMaxWaitQueueSize(waitQueue)
        // Idle connections go before a NAT or firewall drops them silently (AWS: 350 s), which
        // would stall their next query; old ones go so that a failed-over database is reached.
        .setIdleTimeout(4)
        .setIdleTimeoutUnit(TimeUnit.MINUTES)
        .setMaxLifetime(30)
        .setMaxLifetimeUnit(TimeUnit.MINUTES);
    NetClientOptions network = new NetClientOptions()
        .setConnectTimeout((int) config.dbTimeout().toMillis())
        .setTcpNoDelay(true)
        .setTcpKeepAlive(true);
    return PgBuilder.pool()
        .with(poolOptions)
        .with(network)
        .connectingTo(boundedStatements(connectOptions(config.database()), config.dbTimeout()))
        .using(vertx)
        .build();
  }

  /**
   * PostgreSQL ends any statement of ours that runs longer than DB_TIMEOUT (SQLSTATE 57014,
   * answered 503 with Retry-After) and any session left idle inside a transaction as long, so
   * that a slow query or a stuck transaction cannot hold a connection, or the locks it took, for
   * ever. Set per connection at its start, so a DBA's database-wide setting is not needed. The
   * schema migration (its own JDBC connection) is not bounded: a migration may take long.
   */
  static PgConnectOptions boundedStatements(PgConnectOptions options, Duration timeout) {
    String millis = Long.toString(Math.max(1, timeout.toMillis()));
    return options.addProperty("statement_timeout", millis)
        .addProperty("idle_in_transaction_session_timeout", millis);
  }

  static PgConnectOptions connectOptions(DatabaseUrl url) {
    PgConnectOptions options = new PgConnectOptions()
        .setHost(url.host())
        .setPort(url.port())
        .setDatabase(url.database())
        .setUser(url.user())
        .setCachePreparedStatements(true)
        .setPipeliningLimit(256)
        // Each statement is prepared once per connection and its plan reused. PostgreSQL's default
        // (auto) kept re-planning the article page: 0.3 ms of planning per 0.3 ms of execution,
        // the largest single cost of a list request (EXPLAIN ANALYZE on the benchmark's data). Every
        // statement here has a fixed shape (ArticleListSql builds one text per filter combination),
        // so one generic plan per statement is what each needs.
        .addProperty("plan_cache_mode", "force_generic_plan");
    // A URL without a password is valid (trust authentication); the client's default is "pass"
    options.setPassword(url.password() == null ? "" : url.revealPassword());
    String sslMode = url.sslMode();
    options.setSslMode(SslMode.of(sslMode));
    ClientSSLOptions ssl = new ClientSSLOptions();
    switch (options.getSslMode()) {
      // libpq semantics: "require" encrypts without verifying the certificate (Heroku's default)
      case ALLOW, PREFER, REQUIRE -> ssl.setTrustAll(true);
      case VERIFY_CA, VERIFY_FULL -> {
        String rootCert = url.parameters().get("sslrootcert");
        if (rootCert != null) {
          ssl.setTrustOptions(new PemTrustOptions().addCertPath(rootCert));
        }
        ssl.setHostnameVerificationAlgorithm(
            options.getSslMode() == SslMode.VERIFY_FULL ? "HTTPS" : "");
      }
      default -> {
      }
    }
    return options.setSslOptions(ssl);
  }
}
