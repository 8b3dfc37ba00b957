package io.realworld.api.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/**
 * Settles the race between a request's timeout and its write, so that a 503 means nothing was
 * written: the timeout abandons the request unless its write has begun, and a write begins only
 * if the request was not abandoned. Both sides run on the request's event loop (the timer, and
 * the continuations of its hash and its queries), so the two flags need no lock.
 */
public final class WriteGate {

  private static final String KEY = WriteGate.class.getName();

  private boolean abandoned;
  private boolean writing;

  /** The gate of this request, created on first use. */
  public static WriteGate of(RoutingContext ctx) {
    WriteGate gate = ctx.get(KEY);
    if (gate == null) {
      gate = new WriteGate();
      ctx.put(KEY, gate);
    }
    return gate;
  }

  /** For the timeout: true when the request is now abandoned, false when its write is under way. */
  public boolean abandon() {
    if (writing) {
      return false;
    }
    abandoned = true;
    return true;
  }

  /** Right before the request's one write: false when its client was already answered 503. */
  public boolean enter() {
    if (abandoned) {
      return false;
    }
    writing = true;
    return true;
  }

  /**
   * Starts the request's write (one statement, or one transaction) unless its client was already
   * answered 503; then fails with that same 503 and writes nothing. Once started, the timeout
   * leaves the request to finish, so its client learns the write's real outcome.
   */
  public <T> Future<T> write(Supplier<Future<T>> write) {
    return enter() ? write.get() : Future.failedFuture(ApiError.timedOut());
  }
}
