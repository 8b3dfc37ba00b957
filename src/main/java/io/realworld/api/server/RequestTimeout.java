package io.realworld.api.server;

import io.realworld.api.http.WriteGate;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * vertx-web's TimeoutHandler, but honest: a request whose write has begun is left to finish (its
 * client learns the outcome), and one that is answered 503 can no longer write (see
 * {@link WriteGate}). Before, a registration that timed out in the hashing queue still created
 * the user, and the client's retry got 409.
 */
final class RequestTimeout implements Handler<RoutingContext> {

  private final Vertx vertx;
  private final long millis;

  RequestTimeout(Vertx vertx, Duration timeout) {
    this.vertx = vertx;
    this.millis = timeout.toMillis();
  }

  @Override
  public void handle(RoutingContext ctx) {
    long timer = vertx.setTimer(millis, id -> {
      if (!ctx.response().ended() && WriteGate.of(ctx).abandon()) {
        ctx.fail(503);
      }
    });
    ctx.addBodyEndHandler(ended -> vertx.cancelTimer(timer));
    ctx.next();
  }
}
