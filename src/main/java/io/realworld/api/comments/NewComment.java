package io.realworld.api.comments;

import io.realworld.api.http.JsonFields;
import io.realworld.api.http.Validation;
import io.vertx.core.json.JsonObject;

/** A valid comment to add. */
public record NewComment(String body) {

  static final int MAX_BODY = 10_000;

  /** Reads the {@code comment} object of a request: a body of at most 10,000 characters. */
  static NewComment from(JsonObject comment) {
    Validation validation = new Validation();
    String body = JsonFields.requiredText(comment, "body", MAX_BODY, validation);
    validation.throwIfInvalid();
    return new NewComment(body);
  }
}
