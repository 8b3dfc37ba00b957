package io.realworld.api.server;

import io.realworld.api.health.ServiceState;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the process makes once and every verticle instance uses (Application builds it before it
 * deploys them): what serving needs, what the features share, and each verticle's part of the
 * database.
 */
record ProcessResources(Serving serving, Features.Shared features, DatabaseShare database) {

  /**
   * Readiness's state, the requests in flight (what the drain waits for) and the open connections
   * (what MAX_CONNECTIONS bounds).
   */
  record Serving(ServiceState state, InFlightRequests inFlight, AtomicInteger openConnections) {
  }

  /** Each verticle's pool size (its share of DB_POOL_SIZE), and readiness's own connection. */
  record DatabaseShare(int poolSizePerVerticle, Pool readiness) {
  }
}
