package io.realworld.api.server;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.realworld.api.http.ApiError;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answers requests that the HTTP decoder could not read (a request line or headers over the
 * limits, a broken head) in the spec's error format, where Vert.x's default answers with an empty
 * body. The connection is closed: after a broken head, nothing on it can be trusted.
 */
final class MalformedRequests implements Handler<HttpServerRequest> {

  /** Longer than any URL the API produces (slugs, paging, tag filters) with room to spare. */
  static final int MAX_REQUEST_LINE = 4096;
  /** All headers together: an Authorization token is about 200 bytes. */
  static final int MAX_HEADERS_SIZE = 8192;

  @Override
  public void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    ApiError error;
    if (cause instanceof TooLongHttpLineException) {
      error = new ApiError(414, "uri", "is too long (maximum is " + MAX_REQUEST_LINE + " bytes)");
    } else if (cause instanceof TooLongHttpHeaderException) {
      error = new ApiError(431, "headers", "are too large (maximum is " + MAX_HEADERS_SIZE + " bytes)");
    } else {
      error = ApiError.badRequest("request", "is malformed");
    }
    request.response()
        .setStatusCode(error.status())
        .putHeader("content-type", "application/json; charset=utf-8")
        .putHeader("connection", "close")
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(error.body().toBuffer())
        .onComplete(done -> request.connection().close());
  }
}
