package io.realworld.api.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/** Collects every problem of one request body, so the client learns them all in one 422. */
public final class Validation {

  private final Map<String, List<String>> errors = new LinkedHashMap<>();

  public Validation add(String field, String message) {
    errors.computeIfAbsent(field, key -> new ArrayList<>()).add(message);
    return this;
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** Throws a 422 with every collected problem, if there is any. */
  public void throwIfInvalid() {
    if (hasErrors()) {
      throw new ApiError(422, errors);
    }
  }
}
