package io.realworld.api.server;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prometheus metrics at {@code /metrics} on METRICS_PORT, never on the API's port: HTTP requests
 * by route template, method and status with latency histograms; the database pool's usage and wait
 * time; JVM memory, GC, threads and CPU. Without METRICS_PORT (or with METRICS_ENABLED=false)
 * Vert.x runs without a metrics SPI at all, and nothing listens.
 */
final class Metrics {

  static final String PATH = "/metrics";
  /** Prometheus' text exposition format, what scrape() writes. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  /**
   * Open connections to METRICS_PORT at most: a scraper or two and a person with curl. Fixed, as
   * nothing legitimate needs more; beyond it a connection is closed as it opens, so that the port
   * cannot be used to exhaust file descriptors or memory.
   */
  static final int MAX_CONNECTIONS = 8;

  // The route template ("/api/articles/:slug"), never the raw path: one series per route, not
  // one per slug. The pool labels tell the database pool from Vert.x's worker pools.
  private static final Set<Label> LABELS = EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD,
      Label.HTTP_CODE, Label.POOL_TYPE, Label.POOL_NAME);
  // Nothing of ours uses the event bus, UDP or Vert.x's HTTP client; the database connections
  // (TCP clients) are better seen through the pool's metrics.
  private static final Set<String> UNUSED = Set.of(MetricsDomain.EVENT_BUS.name(),
      MetricsDomain.DATAGRAM_SOCKET.name(), MetricsDomain.HTTP_CLIENT.name(),
      MetricsDomain.NET_CLIENT.name());

  private final PrometheusMeterRegistry registry;

  private Metrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  static Metrics enabled() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Some of Vert.x's gauges exist once per verticle instance under one untagged name, so only
    // the first instance's would be reported (with a duplicate-gauge warning at every start): the
    // pools' TCP and SQL clients (the per-pool usage and wait metrics say more), and the HTTP
    // server's active connections and requests (watch() reports them for the whole process).
    registry.config()
        .meterFilter(MeterFilter.denyNameStartsWith("vertx.net.client"))
        .meterFilter(MeterFilter.denyNameStartsWith("vertx.sql"))
        .meterFilter(MeterFilter.denyNameStartsWith("vertx.http.server.active"));
    return new Metrics(registry);
  }

  static Metrics disabled() {
    return new Metrics(null);
  }

  Vertx createVertx() {
    VertxBuilder builder = Vertx.builder();
    if (registry == null) {
      return builder.build();
    }
    MicrometerMetricsOptions options = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setLabels(LABELS)
        .setDisabledMetricsCategories(UNUSED)
        .setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)
            .setPublishQuantiles(true));
    return builder.with(new VertxOptions().setMetricsOptions(options))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }

  /** Open connections and requests in flight, across every event loop. */
  void watch(AtomicInteger openConnections, InFlightRequests inFlight) {
    if (registry != null) {
      Gauge.builder("http.server.connections.open", openConnections, AtomicInteger::get)
          .description("HTTP connections open, all event loops together").register(registry);
      Gauge.builder("http.server.requests.in.flight", inFlight, InFlightRequests::open)
          .description("HTTP requests whose response has not ended yet").register(registry);
    }
  }

  /**
   * Listens on {@code port} (all interfaces, as the platform's scraper is another host) with
   * {@code /metrics} only. A scrape renders every series (a megabyte of text under load): on a
   * worker, so no event loop stops serving API requests meanwhile. Its connections are bounded
   * as the API's are ({@link ConnectionGuard}): {@link #MAX_CONNECTIONS} at most, a request head
   * within HEADER_TIMEOUT, the API's keep-alive timeout, the API's request head limits.
   */
  Future<?> serve(Vertx vertx, int port, Duration headerTimeout) {
    if (registry == null) {
      return Future.succeededFuture();
    }
    Router router = Router.router(vertx);
    router.get(PATH).handler(ctx -> vertx.executeBlocking(registry::scrape, false)
        .onSuccess(text -> ctx.response().putHeader("Content-Type", CONTENT_TYPE).end(text))
        .onFailure(ctx::fail));
    HttpServerOptions options = new HttpServerOptions().setHost("0.0.0.0").setPort(port)
        .setIdleTimeout((int) ApiVerticle.KEEP_ALIVE_TIMEOUT.toSeconds())
        .setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setMaxInitialLineLength(MalformedRequests.MAX_REQUEST_LINE)
        .setMaxHeaderSize(MalformedRequests.MAX_HEADERS_SIZE)
        .setHttp2ClearTextEnabled(false);
    // one server outside any verticle: all its connections are handled on one event loop, the
    // one the guard's map needs
    var guard = new ConnectionGuard(vertx, new AtomicInteger(), MAX_CONNECTIONS, headerTimeout,
        ApiVerticle.KEEP_ALIVE_TIMEOUT);
    return vertx.createHttpServer(options)
        .connectionHandler(guard::opened)
        .requestHandler(guard.guarding(router)).listen();
  }
}
