package io.realworld.api.server;

import io.realworld.api.http.ApiError;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a JSON API that browsers call needs beyond the API itself: CORS for the configured
 * frontends only, no MIME sniffing, no caching of private answers, and JSON bodies only with a
 * JSON content type (a form or text/plain body needs no preflight, so without this check any page
 * could make its visitors' browsers post to the API).
 */
final class BrowserSafety {

  /** What the RealWorld frontends send, and what a client may want to read of the answer. */
  private static final Set<String> REQUEST_HEADERS =
      Set.of("Authorization", "Content-Type", "X-Requested-With", "X-Request-Id");
  private static final Set<String> EXPOSED_HEADERS =
      Set.of("Retry-After", "WWW-Authenticate", "X-Request-Id");
  private static final Set<HttpMethod> METHODS =
      Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE);
  /** Browsers cap it anyway (Chrome at 2 h); 10 min keeps preflights rare and changes quick. */
  static final int PREFLIGHT_MAX_AGE_SECONDS = 600;

  private BrowserSafety() {
  }

  /**
   * CORS for exactly these origins, without credentials: the token travels in a header that the
   * frontend sets, never in a cookie, so no browser sends it on its own.
   */
  static CorsHandler cors(List<String> allowedOrigins) {
    return CorsHandler.create()
        .addOrigins(allowedOrigins)
        .allowedMethods(METHODS)
        .allowedHeaders(REQUEST_HEADERS)
        .exposedHeaders(EXPOSED_HEADERS)
        .allowCredentials(false)
        .maxAgeSeconds(PREFLIGHT_MAX_AGE_SECONDS);
  }

  /** On every answer, whatever produced it: a browser must never read one as HTML or script. */
  static void noSniff(HttpServerRequest request) {
    request.response().putHeader("X-Content-Type-Options", "nosniff");
  }

  /**
   * Answers that carry a token (registration, login, the current user) or depend on who asks
   * (anything with Authorization) must not be kept by a browser or a shared cache.
   */
  static void noStoreWhenPrivate(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (ctx.request().headers().contains(HttpHeaders.AUTHORIZATION)
        || path.startsWith("/api/users") || path.equals("/api/user")) {
      ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
    ctx.next();
  }

  /** 415 for a body that does not say it is JSON; requests without a body pass. */
  static void jsonBodiesOnly(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    boolean hasBody = request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
        || (length != null && !length.trim().equals("0"));
    if (hasBody && !isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
      ctx.fail(new ApiError(415, "content-type", "must be application/json"));
    } else {
      ctx.next();
    }
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int parameters = contentType.indexOf(';');
    String type = (parameters < 0 ? contentType : contentType.substring(0, parameters))
        .trim().toLowerCase(Locale.ROOT);
    return type.equals("application/json")
        || (type.startsWith("application/") && type.endsWith("+json"));
  }
}
