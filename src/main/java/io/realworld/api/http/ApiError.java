package io.realworld.api.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A failure the client caused or may see, in the spec's error format
 * {@code {"errors": {"<field>": ["<message>"]}}}. It carries no stack trace: it is an answer, not
 * a bug.
 */
public final class ApiError extends RuntimeException {

  private final int status;
  private final Map<String, List<String>> errors;
  private final Duration retryAfter;

  public ApiError(int status, Map<String, List<String>> errors) {
    this(status, errors, null);
  }

  private ApiError(int status, Map<String, List<String>> errors, Duration retryAfter) {
    super(status + " " + errors, null, false, false);
    this.status = status;
    this.errors = Map.copyOf(errors);
    this.retryAfter = retryAfter;
  }

  public ApiError(int status, String field, String message) {
    this(status, Map.of(field, List.of(message)));
  }

  public static ApiError badRequest(String field, String message) {
    return new ApiError(400, field, message);
  }

  public static ApiError unauthorized(String message) {
    return new ApiError(401, "token", message);
  }

  public static ApiError invalidCredentials() {
    return new ApiError(401, "credentials", "invalid");
  }

  public static ApiError forbidden(String resource) {
    return new ApiError(403, resource, "forbidden");
  }

  public static ApiError notFound(String resource) {
    return new ApiError(404, resource, "not found");
  }

  public static ApiError taken(String field) {
    return new ApiError(409, field, "has already been taken");
  }

  public static ApiError blank(String field) {
    return unprocessable(field, "can't be blank");
  }

  public static ApiError unprocessable(String field, String message) {
    return new ApiError(422, field, message);
  }

  /** 429 with a {@code Retry-After} of the given wait, in whole seconds. */
  public static ApiError tooManyAttempts(String field, Duration retryAfter) {
    return new ApiError(429, Map.of(field, List.of("too many failed attempts, retry in "
        + retryAfter.toSeconds() + " s")), retryAfter);
  }

  /** 429 with a {@code Retry-After}: more requests of this kind than the rate limit allows. */
  public static ApiError rateLimited(String field, Duration retryAfter) {
    return new ApiError(429, Map.of(field, List.of("too many, retry in "
        + retryAfter.toSeconds() + " s")), retryAfter);
  }

  /** 503 with a {@code Retry-After}: the service is too busy now, and nothing was done. */
  public static ApiError overloaded(String field, Duration retryAfter) {
    return new ApiError(503, Map.of(field, List.of("is busy, retry in "
        + retryAfter.toSeconds() + " s")), retryAfter);
  }

  /** 503: the request timed out before it wrote anything. */
  public static ApiError timedOut() {
    return new ApiError(503, "request", "timed out");
  }

  public int status() {
    return status;
  }

  public Map<String, List<String>> errors() {
    return errors;
  }

  /** The wait to announce in a {@code Retry-After} header, if the client should come back later. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public JsonObject body() {
    return body(errors);
  }

  public static JsonObject body(Map<String, List<String>> errors) {
    JsonObject fields = new JsonObject(new LinkedHashMap<>());
    errors.forEach((field, messages) -> fields.put(field, new JsonArray(List.copyOf(messages))));
    return new JsonObject().put("errors", fields);
  }
}
