package io.realworld.api.server;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Prometheus metrics at {@code /metrics}: HTTP requests by route template, method and status with
 * latency histograms; the database pool's usage and wait time; JVM memory, GC, threads and CPU.
 * With {@code METRICS_ENABLED=false} Vert.x runs without a metrics SPI at all, and the route is
 * not mounted.
 */
final class Metrics {

  static final String PATH = "/metrics";

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
    return new Metrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
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

  void mount(Router router) {
    if (registry != null) {
      router.get(PATH).handler(PrometheusScrapingHandler.create(registry));
    }
  }
}
