package io.realworld.api.http;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The API's one timestamp format: ISO-8601 in UTC with exactly three fraction digits. */
public final class Timestamps {

  // PostgreSQL keeps microseconds; clients get milliseconds, the precision JavaScript's Date has
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {
  }

  public static String iso(OffsetDateTime time) {
    return ISO_MILLIS.format(time);
  }
}
