package io.realworld.api.articles;

import io.realworld.api.http.Validation;
import java.util.List;

/**
 * {@code limit} and {@code offset} of a list. A page holds at most {@value #MAX_LIMIT} articles,
 * and an offset beyond {@value #MAX_OFFSET} is refused: deep offsets cost the database a scan of
 * every skipped row, and no reader pages that far (the same window as Elasticsearch's default).
 */
public record Paging(int limit, int offset) {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  static final int MAX_OFFSET = 10_000;

  /** Parses the query parameters' values (absent: empty list); every problem is one 422. */
  public static Paging parse(List<String> limit, List<String> offset) {
    Validation validation = new Validation();
    int parsedLimit = parse("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT, validation);
    int parsedOffset = parse("offset", offset, 0, 0, MAX_OFFSET, validation);
    validation.throwIfInvalid();
    return new Paging(parsedLimit, parsedOffset);
  }

  private static int parse(String name, List<String> values, int fallback, int min, int max,
      Validation validation) {
    if (values.isEmpty()) {
      return fallback;
    }
    String range = "must be an integer from " + min + " to " + max;
    if (values.size() > 1) {
      validation.add(name, "must be given once");
      return fallback;
    }
    String text = values.get(0).trim();
    if (!text.matches("\\d{1,9}")) {
      validation.add(name, range);
      return fallback;
    }
    int value = Integer.parseInt(text);
    if (value < min || value > max) {
      validation.add(name, range);
      return fallback;
    }
    return value;
  }
}
