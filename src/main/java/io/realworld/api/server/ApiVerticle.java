package io.realworld.api.server;

import io.realworld.api.auth.PasswordHasher;
import io.realworld.api.config.Config;
import io.realworld.api.db.Database;
import io.realworld.api.health.ServiceState;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's share of the service: it owns its HTTP server and its database pool. On
 * undeploy it drains: the listener stops, in-flight requests get up to SHUTDOWN_TIMEOUT, and only
 * then do the server and the pool close.
 */
final class ApiVerticle extends VerticleBase {

  private final Config config;
  private final ServiceState state;
  private final InFlightRequests inFlight;
  private final Metrics metrics;
  private final PasswordHasher passwords;
  private final int poolSize;
  private HttpServer server;

  ApiVerticle(Config config, ServiceState state, InFlightRequests inFlight, Metrics metrics,
      PasswordHasher passwords, int poolSize) {
    this.config = config;
    this.state = state;
    this.inFlight = inFlight;
    this.metrics = metrics;
    this.passwords = passwords;
    this.poolSize = poolSize;
  }

  @Override
  public Future<?> start() {
    var pool = Database.pool(vertx, config, poolSize);
    var router = ApiRouter.create(vertx, config, pool, state, inFlight, metrics, passwords);
    HttpServerOptions options = new HttpServerOptions()
        .setHost("0.0.0.0")
        .setPort(config.port())
        .setIdleTimeout(75)
        .setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setTcpNoDelay(true);
    server = vertx.createHttpServer(options).requestHandler(router);
    return server.listen();
  }

  @Override
  public Future<?> stop() {
    return server.shutdown(config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }
}
