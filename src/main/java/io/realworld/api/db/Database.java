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
import java.util.concurrent.TimeUnit;

/** Creates the one connection pool the service uses. */
public final class Database {

  private static final String POOL_NAME = "conduit";

  private Database() {
  }

  /**
   * A pool shared by every verticle instance (same name, {@code shared = true}): it closes when the
   * last verticle that uses it undeploys, after the HTTP drain.
   *
   * <p>While PostgreSQL is down, requests fail fast: a refused connection fails at once (no
   * reconnect attempts), waiting for a connection or connecting is bounded by DB_TIMEOUT, and
   * connections that PostgreSQL closed leave the pool. When it is back, the next request opens
   * a new connection: no restart needed.
   */
  public static Pool pool(Vertx vertx, Config config) {
    PoolOptions poolOptions = new PoolOptions()
        .setMaxSize(config.dbPoolSize())
        .setShared(true)
        .setName(POOL_NAME)
        .setConnectionTimeout((int) config.dbTimeout().toMillis())
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
        .setMaxWaitQueueSize(config.dbPoolSize() * 64)
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
        .connectingTo(connectOptions(config.database()))
        .using(vertx)
        .build();
  }

  static PgConnectOptions connectOptions(DatabaseUrl url) {
    PgConnectOptions options = new PgConnectOptions()
        .setHost(url.host())
        .setPort(url.port())
        .setDatabase(url.database())
        .setUser(url.user())
        .setPassword(url.password())
        .setCachePreparedStatements(true)
        .setPipeliningLimit(256);
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
