package io.realworld.api.server;

import io.realworld.api.health.ServiceState;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests from arrival to the end of their response, for the drain. Vert.x Web owns the
 * response's end, close and exception handlers (it replaces any set before routing), so the count
 * goes through the routing context's end handlers, which it calls on each of those.
 */
final class InFlightRequests implements Handler<RoutingContext> {

  private final ServiceState state;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger cutWhileDraining = new AtomicInteger();

  InFlightRequests(ServiceState state) {
    this.state = state;
  }

  @Override
  public void handle(RoutingContext ctx) {
    open.incrementAndGet();
    // A request that arrives once draining has begun may see its connection closed by the
    // shutdown: the client retries elsewhere, and the drain owed it nothing.
    boolean owedByTheDrain = !state.draining();
    AtomicBoolean ended = new AtomicBoolean();
    ctx.addEndHandler(result -> {
      if (ended.compareAndSet(false, true)) {
        open.decrementAndGet();
        if (result.failed() && owedByTheDrain && state.draining()) {
          cutWhileDraining.incrementAndGet();
        }
      }
    });
    ctx.next();
  }

  /** Requests whose response has not ended yet. */
  int open() {
    return open.get();
  }

  /**
   * Requests the drain did not let finish: still open, or in flight when draining began and
   * closed before their response ended.
   */
  int cut() {
    return open.get() + cutWhileDraining.get();
  }
}
