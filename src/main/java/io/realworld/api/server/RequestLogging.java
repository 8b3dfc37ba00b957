package io.realworld.api.server;

import io.realworld.api.http.RequestIds;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;
import net.logstash.logback.argument.StructuredArguments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives each request an id (the caller's {@code X-Request-Id} when it is sane, a new one otherwise),
 * echoes it, and writes one access-log event per request when the response ends. Only the path is
 * logged: query strings and headers may hold secrets.
 */
final class RequestLogging implements Handler<RoutingContext> {

  static final String REQUEST_ID_HEADER = "X-Request-Id";
  static final String REQUEST_ID = RequestIds.KEY;
  private static final Logger ACCESS = LoggerFactory.getLogger("access");
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    String incoming = ctx.request().getHeader(REQUEST_ID_HEADER);
    String requestId = incoming != null && SAFE_ID.matcher(incoming).matches()
        ? incoming : UUID.randomUUID().toString();
    ctx.put(REQUEST_ID, requestId);
    ctx.response().putHeader(REQUEST_ID_HEADER, requestId);
    ctx.addEndHandler(done -> {
      double millis = (System.nanoTime() - start) / 1_000_000.0;
      MDC.put(REQUEST_ID, requestId);
      try {
        ACCESS.info("{} {} {}",
            StructuredArguments.kv("method", ctx.request().method().name()),
            StructuredArguments.kv("path", ctx.request().path()),
            StructuredArguments.kv("status", ctx.response().getStatusCode()),
            StructuredArguments.kv("durationMs", Math.round(millis * 10) / 10.0));
      } finally {
        MDC.remove(REQUEST_ID);
      }
    });
    ctx.next();
  }
}
