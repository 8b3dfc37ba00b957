package io.realworld.api.support;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A small blocking HTTP client for integration tests; tests run off the event loop. */
public final class ApiClient {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final String token;
  private final Map<String, String> headers;

  ApiClient(String baseUrl) {
    this(baseUrl, null, Map.of());
  }

  private ApiClient(String baseUrl, String token, Map<String, String> headers) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.headers = headers;
  }

  /** The same client, sending {@code Authorization: Token <token>}. */
  public ApiClient withToken(String token) {
    return new ApiClient(baseUrl, token, headers);
  }

  /** The same client, sending one more header on every request (it wins over the defaults). */
  public ApiClient withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiClient(baseUrl, token, Map.copyOf(more));
  }

  public Response get(String path) {
    return send("GET", path, null);
  }

  public Response delete(String path) {
    return send("DELETE", path, null);
  }

  public Response post(String path, Object body) {
    return send("POST", path, body == null ? null : body.toString());
  }

  public Response put(String path, Object body) {
    return send("PUT", path, body == null ? null : body.toString());
  }

  /** Sends a raw body (possibly not JSON at all). */
  public Response send(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null && !headers.containsKey("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    if (token != null && !headers.containsKey("Authorization")) {
      request.header("Authorization", "Token " + token);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A name no other test uses, so tests share one database without interfering. */
  public static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** A response: status, raw body, and the body as JSON when it is JSON. */
  public record Response(int status, String body, java.net.http.HttpHeaders headers) {

    public JsonObject json() {
      return new JsonObject(body);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }
}
