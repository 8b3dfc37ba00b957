package io.realworld.api.server;

import io.realworld.api.http.ApiError;
import io.realworld.api.http.Responses;
import io.vertx.core.Handler;
import io.vertx.core.VertxException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns every failure into an answer in the spec's error format. Clients never see a stack trace
 * or an internal message: unexpected errors are logged with the request id and answered with a
 * generic 500; an unreachable database is a 503. A 4xx that Vert.x itself raised (a query string
 * with a bad %-escape, say) keeps its status, and text PostgreSQL cannot store is the client's
 * input, so a 422.
 */
final class ErrorResponses implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
  /** PostgreSQL's character_not_in_repertoire: for UTF-8 text from Java, a NUL character. */
  private static final String UNSTORABLE_CHARACTER = "22021";
  /** PostgreSQL's query_canceled: here, a statement that outran statement_timeout (DB_TIMEOUT). */
  private static final String STATEMENT_TIMED_OUT = "57014";

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    Throwable failure = ctx.failure();
    send(ctx, failure instanceof ApiError apiError ? apiError : translate(ctx, failure));
  }

  /** A router error handler that always answers the given error. */
  static Handler<RoutingContext> answering(ApiError error) {
    return ctx -> {
      if (!ctx.response().headWritten()) {
        send(ctx, error);
      }
    };
  }

  private static void send(RoutingContext ctx, ApiError error) {
    error.retryAfter().ifPresent(wait ->
        ctx.response().putHeader("Retry-After", Long.toString(wait.toSeconds())));
    Responses.send(ctx, error.status(), error.body());
  }

  private static ApiError translate(RoutingContext ctx, Throwable failure) {
    if (failure instanceof PgException pg && UNSTORABLE_CHARACTER.equals(pg.getSqlState())) {
      return ApiError.unprocessable("request", "can't contain NUL characters");
    }
    if (hasSqlState(failure, STATEMENT_TIMED_OUT)) {
      log(ctx, "statement timed out", failure, false);
      // a statement that was ended wrote nothing: its transaction is rolled back
      return ApiError.overloaded("database", Duration.ofSeconds(1));
    }
    if (isDatabaseUnavailable(failure)) {
      log(ctx, "database unavailable", failure, false);
      return new ApiError(503, "database", "unavailable");
    }
    // a status that vert.x web chose: BodyHandler's 413, TimeoutHandler's 503, the router's 400
    // for a path it cannot decode (that one with the decoding error as its failure)
    int status = ctx.statusCode();
    if (status >= 400 && status != 500) {
      return byStatus(status);
    }
    log(ctx, "request failed", failure, true);
    return new ApiError(500, "server", "internal error");
  }

  private static ApiError byStatus(int status) {
    return switch (status) {
      case 400 -> ApiError.badRequest("request", "is invalid");
      case 401 -> ApiError.unauthorized("is missing");
      case 404 -> ApiError.notFound("resource");
      case 403 -> new ApiError(403, "origin", "is not allowed"); // CorsHandler's only refusal
      case 405 -> new ApiError(405, "method", "not allowed");
      case 413 -> new ApiError(413, "body", "is too large");
      case 415 -> new ApiError(415, "content-type", "is not supported");
      case 503 -> new ApiError(503, "request", "timed out");
      default -> new ApiError(status, "request", "is invalid");
    };
  }

  /**
   * Connection refused or reset (PostgreSQL stopping mid-query surfaces as a bare "Connection
   * reset" SocketException), a pool wait or connect timing out, or PostgreSQL shutting down.
   */
  private static boolean isDatabaseUnavailable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketException || cause instanceof TimeoutException
          || cause instanceof ClosedConnectionException
          || (cause instanceof PgException pg && pg.getSqlState() != null
              && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P")))
          || (cause instanceof VertxException vx && vx.getMessage() != null
              && (vx.getMessage().contains("Connection") || vx.getMessage().contains("Timeout")))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasSqlState(Throwable failure, String sqlState) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof PgException pg && sqlState.equals(pg.getSqlState())) {
        return true;
      }
    }
    return false;
  }

  private static void log(RoutingContext ctx, String message, Throwable failure, boolean withStack) {
    MDC.put(RequestLogging.REQUEST_ID, ctx.get(RequestLogging.REQUEST_ID));
    try {
      if (withStack) {
        LOG.error("{} {}: {}", ctx.request().method(), ctx.request().path(), message, failure);
      } else {
        LOG.warn("{} {}: {} ({})", ctx.request().method(), ctx.request().path(), message,
            failure == null ? "no cause" : failure.getClass().getSimpleName());
      }
    } finally {
      MDC.remove(RequestLogging.REQUEST_ID);
    }
  }
}
