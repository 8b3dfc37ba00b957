package io.realworld.api.reliability;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.AsyncResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** Names what happened to a request, in the words the suites count by. */
final class Outcomes {

  static final String REFUSED = "refused";

  private Outcomes() {
  }

  /** An API request: the status, flagged when an error is not in the spec's error format. */
  static String of(AsyncResult<LoadDriver.Reply> result) {
    if (result.failed()) {
      return transportFailure(result.cause());
    }
    LoadDriver.Reply reply = result.result();
    String status = String.valueOf(reply.status());
    return reply.status() >= 400 && !isSpecError(reply.json()) ? status + "!format" : status;
  }

  /** A health probe: its body is the health check's, so only the status counts. */
  static String ofProbe(AsyncResult<LoadDriver.Reply> result) {
    return result.failed() ? transportFailure(result.cause())
        : String.valueOf(result.result().status());
  }

  static JsonObject jsonOrNull(Buffer body) {
    try {
      return body.length() == 0 ? null : new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  /** {@code {"errors":{"field":["message", ...], ...}}} with at least one field. */
  static boolean isSpecError(JsonObject json) {
    if (json == null || !(json.getValue("errors") instanceof JsonObject errors)
        || errors.isEmpty()) {
      return false;
    }
    for (String field : errors.fieldNames()) {
      if (!(errors.getValue(field) instanceof JsonArray messages) || messages.isEmpty()
          || !messages.stream().allMatch(String.class::isInstance)) {
        return false;
      }
    }
    return true;
  }

  private static String transportFailure(Throwable cause) {
    if (cause instanceof ConnectTimeoutException) {
      return "connect-timeout";
    }
    if (cause instanceof ConnectException) {
      return REFUSED;
    }
    if (cause instanceof TimeoutException) {
      return "timeout";
    }
    if (cause instanceof HttpClosedException) {
      return "closed";
    }
    String message = String.valueOf(cause.getMessage());
    if (message.contains("reset")) {
      return "reset";
    }
    return cause.getClass().getSimpleName();
  }
}
