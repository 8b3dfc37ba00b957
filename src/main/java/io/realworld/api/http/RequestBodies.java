package io.realworld.api.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Reads the spec's wrapped JSON bodies ({@code {"user": {...}}}) and rejects anything else as 4xx.
 * Jackson bounds the nesting depth (1000) and string lengths, so no body can overflow the stack.
 */
public final class RequestBodies {

  private RequestBodies() {
  }

  /**
   * The object under {@code wrapper}; 422 when the body is not a JSON object or the wrapper is
   * missing or not an object. Not 400: spec v2.0.0 documents 422 for every kind of invalid input
   * and no 400, so a client (or a suite checking the documented codes) sees one status for all.
   */
  public static JsonObject wrapped(RoutingContext ctx, String wrapper) {
    JsonObject body = object(ctx);
    Object inner = body.getValue(wrapper);
    if (inner == null) {
      throw ApiError.blank(wrapper);
    }
    if (!(inner instanceof JsonObject object)) {
      throw ApiError.unprocessable(wrapper, "must be an object");
    }
    return object;
  }

  private static JsonObject object(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() == 0) {
      throw ApiError.unprocessable("body", "can't be empty");
    }
    Object value;
    try {
      value = ctx.body().buffer().toJsonValue();
    } catch (DecodeException e) {
      throw ApiError.unprocessable("body", "is not valid JSON");
    }
    if (!(value instanceof JsonObject object)) {
      throw ApiError.unprocessable("body", "must be a JSON object");
    }
    rejectUnstorableText(object, "body");
    return object;
  }

  /**
   * 422 for text that PostgreSQL cannot store (NUL) or that is not Unicode (a lone surrogate,
   * which UTF-8 encoding would silently turn into '?'), named by the key that holds it.
   */
  private static void rejectUnstorableText(Object value, String field) {
    if (value instanceof String text) {
      if (!Texts.isStorable(text)) {
        throw ApiError.unprocessable(field, "must not contain NUL or unpaired surrogate characters");
      }
    } else if (value instanceof JsonObject object) {
      for (Map.Entry<String, Object> entry : object) {
        rejectUnstorableText(entry.getKey(), field);
        rejectUnstorableText(entry.getValue(), entry.getKey());
      }
    } else if (value instanceof JsonArray array) {
      for (Object element : array) {
        rejectUnstorableText(element, field);
      }
    }
  }

  /**
   * A string field: null when absent, 422 when present with another JSON type.
   */
  public static String string(JsonObject object, String field) {
    Object value = object.getValue(field);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw ApiError.unprocessable(field, "must be a string");
  }
}
