package io.realworld.api.http;

import io.vertx.core.json.JsonObject;

/** Reads text fields of a request body into a {@link Validation}, so every problem is reported. */
public final class JsonFields {

  private JsonFields() {
  }

  /**
   * A required text field: absent, null or blank is "can't be blank", another JSON type or more
   * than {@code maxLength} characters (code points) is a 422 too. Returns null when invalid.
   */
  public static String requiredText(JsonObject object, String field, int maxLength,
      Validation validation) {
    Object value = object.getValue(field);
    if (value == null || (value instanceof String text && text.isBlank())) {
      validation.add(field, "can't be blank");
      return null;
    }
    if (!(value instanceof String text)) {
      validation.add(field, "must be a string");
      return null;
    }
    return atMost(field, text, maxLength, validation) ? text : null;
  }

  /** Whether {@code text} has at most {@code maxLength} characters (code points); a 422 if not. */
  public static boolean atMost(String field, String text, int maxLength, Validation validation) {
    if (text.codePointCount(0, text.length()) > maxLength) {
      validation.add(field, "is too long (maximum is " + maxLength + " characters)");
      return false;
    }
    return true;
  }

  /** Like {@link #requiredText} when the field is present; null, without error, when absent. */
  public static String optionalText(JsonObject object, String field, int maxLength,
      Validation validation) {
    return object.containsKey(field) ? requiredText(object, field, maxLength, validation) : null;
  }
}
