package io.realworld.api.server;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps slow and numerous clients from taking the server's connections.
 *
 * <p>The idle timeout alone cannot stop a slowloris: it resets on every byte, so a client that
 * trickles one header byte at a time keeps its connection forever. Here every connection gets a
 * deadline for its next request head, and Vert.x has no such option, so it is a timer: a new
 * connection must send its first head within the header timeout; a kept-alive one its next head
 * within the keep-alive timeout of the previous one (the deadline moves on while a request is
 * still being answered). A connection that misses its deadline is closed.
 *
 * <p>Connections beyond the limit, counted over every event loop, are closed as they open.
 *
 * <p>One instance per verticle: its map is touched only on that verticle's event loop.
 */
final class ConnectionGuard {

  private final Vertx vertx;
  private final AtomicInteger openConnections;
  private final int maxConnections;
  private final long headerTimeoutMillis;
  private final long keepAliveTimeoutMillis;
  private final Map<HttpConnection, Deadline> deadlines = new HashMap<>();

  ConnectionGuard(Vertx vertx, AtomicInteger openConnections, int maxConnections,
      Duration headerTimeout, Duration keepAliveTimeout) {
    this.vertx = vertx;
    this.openConnections = openConnections;
    this.maxConnections = maxConnections;
    this.headerTimeoutMillis = headerTimeout.toMillis();
    this.keepAliveTimeoutMillis = keepAliveTimeout.toMillis();
  }

  /** The server's connection handler. */
  void opened(HttpConnection connection) {
    boolean admitted = openConnections.incrementAndGet() <= maxConnections;
    connection.closeHandler(closed -> {
      openConnections.decrementAndGet();
      Deadline deadline = deadlines.remove(connection);
      if (deadline != null) {
        vertx.cancelTimer(deadline.timer);
      }
    });
    if (!admitted) {
      connection.close();
      return;
    }
    Deadline deadline = new Deadline();
    deadline.timer = vertx.setTimer(headerTimeoutMillis, id -> expire(connection, deadline));
    deadlines.put(connection, deadline);
  }

  /** Wraps the request handler: a request whose head arrived has met its connection's deadline. */
  Handler<HttpServerRequest> guarding(Handler<HttpServerRequest> requests) {
    return request -> {
      Deadline deadline = deadlines.get(request.connection());
      if (deadline != null) {
        vertx.cancelTimer(deadline.timer);
        deadline.latest = request;
        deadline.timer = vertx.setTimer(keepAliveTimeoutMillis, id -> expire(request.connection(), deadline));
      }
      requests.handle(request);
    };
  }

  private void expire(HttpConnection connection, Deadline deadline) {
    if (deadline.latest != null && !deadline.latest.response().ended()) {
      deadline.timer = vertx.setTimer(keepAliveTimeoutMillis, id -> expire(connection, deadline));
      return;
    }
    connection.close();
  }

  /** The pending timer of one connection, and its latest request (still being answered or not). */
  private static final class Deadline {
    long timer;
    HttpServerRequest latest;
  }
}
