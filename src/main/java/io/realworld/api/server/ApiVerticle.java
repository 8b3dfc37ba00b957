package io.realworld.api.server;

import io.realworld.api.auth.PasswordHasher;
import io.realworld.api.config.Config;
import io.realworld.api.db.Database;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.AllowForwardHeaders;
import io.vertx.ext.web.Router;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's share of the service: it owns its HTTP server and its database pool. On
 * undeploy it drains: the listener stops, in-flight requests get up to SHUTDOWN_TIMEOUT, and only
 * then do the server and the pool close.
 */
final class ApiVerticle extends VerticleBase {

  /** Longer than the 60 s idle timeout of common load balancers, which must close first. */
  static final Duration KEEP_ALIVE_TIMEOUT = Duration.ofSeconds(75);

  private final Config config;
  private final ProcessResources shared;
  private HttpServer server;

  ApiVerticle(Config config, ProcessResources shared) {
    this.config = config;
    this.shared = shared;
  }

  @Override
  public Future<?> start() {
    var pool = Database.pool(vertx, config, shared.database().poolSizePerVerticle());
    Router direct = ApiRouter.create(vertx, config, pool, shared, AllowForwardHeaders.NONE);
    // a second router only when some proxy is trusted: the default costs nothing
    Handler<HttpServerRequest> handler = config.trustedProxies().isEmpty() ? direct
        : new ProxiedRequests(config.trustedProxies(), direct,
            ApiRouter.create(vertx, config, pool, shared, AllowForwardHeaders.ALL));
    HttpServerOptions options = new HttpServerOptions()
        .setHost("0.0.0.0")
        .setPort(config.port())
        .setIdleTimeout((int) KEEP_ALIVE_TIMEOUT.toSeconds())
        .setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setMaxInitialLineLength(MalformedRequests.MAX_REQUEST_LINE)
        .setMaxHeaderSize(MalformedRequests.MAX_HEADERS_SIZE)
        // HTTP/1.1 only: load balancers speak it to their backends, and without the h2c upgrade
        // (a way to smuggle requests past a proxy) a connection is set up as soon as it opens,
        // so ConnectionGuard sees it before its first byte
        .setHttp2ClearTextEnabled(false)
        .setTcpNoDelay(true);
    var guard = new ConnectionGuard(vertx, shared.serving().openConnections(), config.maxConnections(),
        config.headerTimeout(), KEEP_ALIVE_TIMEOUT);
    server = vertx.createHttpServer(options)
        .connectionHandler(guard::opened)
        .invalidRequestHandler(new MalformedRequests())
        .requestHandler(guard.guarding(request -> {
          BrowserSafety.noSniff(request);
          handler.handle(request);
        }));
    return server.listen();
  }

  @Override
  public Future<?> stop() {
    return server.shutdown(config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }
}
