package io.realworld.api.server;

import ch.qos.logback.classic.LoggerContext;
import io.realworld.api.auth.LoginThrottle;
import io.realworld.api.auth.WriteLimits;
import io.realworld.api.auth.PasswordHasher;
import io.realworld.api.config.Config;
import io.realworld.api.config.DatabaseUrl;
import io.realworld.api.db.Database;
import io.realworld.api.db.SchemaMigration;
import io.realworld.api.http.Lookalikes;
import io.realworld.api.health.ServiceState;
import io.realworld.api.tags.TagsInUse;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The running service: one verticle instance per core, the schema migration in the background
 * (retried until the database answers), and the SIGTERM drain that ends in exit code 0.
 */
public final class Application {

  private static final Logger LOG = LoggerFactory.getLogger(Application.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(500);
  /** A database that appears is noticed within this (a refused connection costs nothing). */
  private static final Duration LAST_RETRY = Duration.ofSeconds(5);

  private final Config config;
  private final Vertx vertx;
  private final Metrics metrics;
  private final ServiceState state = new ServiceState();
  private final InFlightRequests inFlight = new InFlightRequests(state);
  private String deploymentId;

  private Application(Config config) {
    this.config = config;
    this.metrics = config.metricsServed() ? Metrics.enabled() : Metrics.disabled();
    this.vertx = metrics.createVertx();
  }

  /** Starts serving; returns once the port is bound, with the schema migration under way. */
  public static Application start(Config config) {
    LogLevels.apply(config.logLevel());
    Application application = new Application(config);
    application.deploy();
    return application;
  }

  /** Applies the migrations and returns: the {@code migrate} process. */
  public static void migrate(DatabaseUrl url, Duration timeout) {
    SchemaMigration.migrate(url, (int) Math.max(1, timeout.toSeconds()));
  }

  /** Drains on SIGTERM (and Ctrl-C), then exits 0, or 1 if requests had to be cut. */
  public void exitOnSignals() {
    Signal.handle(new Signal("TERM"), signal -> exit(stop()));
    Signal.handle(new Signal("INT"), signal -> exit(stop()));
  }

  private static void exit(boolean clean) {
    // flushes the last lines; only here, as an Application in a test JVM stops without exiting
    ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    System.exit(clean ? 0 : 1);
  }

  /** Drains and stops; true when every in-flight request finished in time. */
  public boolean stop() {
    state.startDraining();
    if (!config.shutdownDelay().isZero()) {
      LOG.info("readiness is 503; serving {} ms more before the listener closes",
          config.shutdownDelay().toMillis());
      Promise<Void> delayed = Promise.promise();
      vertx.setTimer(config.shutdownDelay().toMillis(), id -> delayed.complete());
      delayed.future().await();
    }
    LOG.info("draining: readiness is 503, up to {} ms for {} in-flight requests",
        config.shutdownTimeout().toMillis(), inFlight.open());
    try {
      vertx.undeploy(deploymentId).await();
    } catch (Exception e) {
      LOG.warn("undeploy failed: {}", e.toString());
    }
    int cut = inFlight.cut();
    vertx.close().await();
    if (cut == 0) {
      LOG.info("stopped cleanly");
    } else {
      LOG.error("stopped with {} requests cut at the shutdown timeout", cut);
    }
    return cut == 0;
  }

  public int port() {
    return config.port();
  }

  private void deploy() {
    // The migration (JDBC, Flyway's class loading) runs on a worker while the verticles deploy.
    migrateUntilApplied(FIRST_RETRY);
    // ICU's confusables data for usernames, loaded beside the migration, off the event loops
    vertx.executeBlocking(() -> {
      Lookalikes.load();
      return null;
    }, false);
    int instances = Runtime.getRuntime().availableProcessors();
    // DB_POOL_SIZE is the whole process's share of the database, split between the event loops
    int poolSize = Math.max(1, (config.dbPoolSize() + instances - 1) / instances);
    // one hashing pool for the process, outside any verticle: it lives until Vert.x closes
    ProcessResources shared = new ProcessResources(
        new ProcessResources.Serving(state, inFlight, new AtomicInteger()),
        new Features.Shared(new PasswordHasher(vertx), new LoginThrottle(config.loginFailuresPerMinute()),
            new WriteLimits(config.writeRatePerAccount(), config.signupRatePerClient()),
            new TagsInUse()),
        new ProcessResources.DatabaseShare(poolSize, Database.readinessPool(vertx, config)));
    metrics.watch(shared.serving().openConnections(), inFlight);
    if (config.metricsServed()) {
      metrics.serve(vertx, config.metricsPort(), config.headerTimeout()).await();
      LOG.info("metrics on 0.0.0.0:{}{}", config.metricsPort(), Metrics.PATH);
    }
    deploymentId = vertx.deployVerticle(() -> new ApiVerticle(config, shared),
        new DeploymentOptions().setInstances(instances)).await();
    LOG.info("listening on 0.0.0.0:{} with {} event loops", config.port(), instances);
  }

  private void migrateUntilApplied(Duration retryDelay) {
    int timeoutSeconds = (int) Math.max(1, config.dbTimeout().toSeconds());
    vertx.executeBlocking(() -> SchemaMigration.migrate(config.database(), timeoutSeconds), false)
        .onSuccess(result -> {
          state.markSchemaReady();
          LOG.info("ready");
        })
        .onFailure(error -> {
          LOG.warn("database {} not usable yet ({}); not ready, retrying in {} ms",
              config.database(), firstLine(error), retryDelay.toMillis());
          Duration next = retryDelay.multipliedBy(2);
          vertx.setTimer(retryDelay.toMillis(),
              id -> migrateUntilApplied(next.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : next));
        });
  }

  private static String firstLine(Throwable error) {
    String message = String.valueOf(error.getMessage());
    int newline = message.indexOf('\n');
    return error.getClass().getSimpleName() + ": "
        + (newline < 0 ? message : message.substring(0, newline)).trim();
  }
}
