package io.realworld.api.health;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.sqlclient.Pool;
import java.time.Duration;

/**
 * {@code /api/v1/health/live}: the process answers. {@code /api/v1/health/ready} and
 * {@code /api/v1/health}: the database answers a query in time, the schema is current, and the
 * service is not draining. The database check runs on a pool of its own (one connection for the
 * process), so a request pool busy to its last connection cannot fail it.
 */
public final class HealthRoutes {

  public static final String HEALTH = "/api/v1/health";
  public static final String LIVE = HEALTH + "/live";
  public static final String READY = HEALTH + "/ready";

  private HealthRoutes() {
  }

  public static void mount(Router router, Vertx vertx, Pool readinessPool, ServiceState state,
      Duration databaseTimeout) {
    HealthChecks live = HealthChecks.create(vertx)
        .register("process", promise -> promise.complete(Status.OK()));
    HealthChecks ready = HealthChecks.create(vertx)
        .register("draining", promise -> promise.complete(
            state.draining() ? Status.KO(new JsonObject().put("reason", "shutting down")) : Status.OK()))
        .register("schema", promise -> promise.complete(state.schemaReady()
            ? Status.OK() : Status.KO(new JsonObject().put("reason", "migrations not applied yet"))))
        .register("database", databaseTimeout.toMillis() + 1_000, promise -> {
          // Our own deadline answers DOWN (503); the handler's would answer 500.
          long timer = vertx.setTimer(databaseTimeout.toMillis(), id -> promise.tryComplete(
              Status.KO(new JsonObject().put("reason", "database did not answer in time"))));
          readinessPool.query("SELECT 1").execute().onComplete(result -> {
            vertx.cancelTimer(timer);
            promise.tryComplete(result.succeeded()
                ? Status.OK() : Status.KO(new JsonObject().put("reason", "database unreachable")));
          });
        });
    HealthCheckHandler readiness = HealthCheckHandler.createWithHealthChecks(ready);
    router.get(LIVE).handler(HealthCheckHandler.createWithHealthChecks(live));
    router.get(READY).handler(readiness);
    router.get(HEALTH).handler(readiness);
  }
}
