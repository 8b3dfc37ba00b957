package io.realworld.api.server;

import io.realworld.api.auth.LoginThrottle;
import io.realworld.api.health.ServiceState;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every verticle instance shares: readiness state, the requests in flight (what the drain
 * waits for), the open connections (what MAX_CONNECTIONS bounds), and the failed-login budgets.
 */
record ProcessWide(ServiceState state, AtomicInteger inFlight, AtomicInteger openConnections,
    LoginThrottle logins) {
}
