package io.realworld.api.server;

import io.realworld.api.auth.LoginThrottle;
import io.realworld.api.auth.PasswordHasher;
import io.realworld.api.health.ServiceState;
import io.realworld.api.tags.TagsInUse;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every verticle instance shares: readiness state, the requests in flight (what the drain
 * waits for), the open connections (what MAX_CONNECTIONS bounds), the failed-login budgets, the
 * password-hashing pool, the metrics, each verticle's share of DB_POOL_SIZE, the tags in use, and
 * readiness's own database connection.
 */
record ProcessWide(ServiceState state, InFlightRequests inFlight, AtomicInteger openConnections,
    LoginThrottle logins, PasswordHasher passwords, Metrics metrics, int poolSizePerVerticle,
    TagsInUse tagsInUse, Pool readiness) {
}
