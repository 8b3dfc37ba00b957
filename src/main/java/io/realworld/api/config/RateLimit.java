package io.realworld.api.config;

/**
 * A token bucket's shape: {@code perMinute} requests a minute sustained, and up to {@code burst}
 * at once after an idle spell. Written {@code RATE} (a burst of one minute's worth) or
 * {@code RATE,BURST}, e.g. {@code 60,30}.
 */
public record RateLimit(int perMinute, int burst) {

  static final int MAX = 1_000_000;

  public RateLimit {
    if (perMinute < 1 || perMinute > MAX || burst < 1 || burst > MAX) {
      throw new IllegalArgumentException("must have a rate and a burst between 1 and " + MAX);
    }
  }

  static RateLimit parse(String value) {
    String[] parts = value.split(",", -1);
    if (parts.length > 2) {
      throw problem();
    }
    int perMinute = number(parts[0]);
    int burst = parts.length == 2 ? number(parts[1]) : perMinute;
    return new RateLimit(perMinute, burst);
  }

  private static int number(String text) {
    String trimmed = text.trim();
    if (!trimmed.matches("\\d{1,7}")) {
      throw problem();
    }
    int number = Integer.parseInt(trimmed);
    if (number < 1 || number > MAX) {
      throw problem();
    }
    return number;
  }

  private static IllegalArgumentException problem() {
    return new IllegalArgumentException("must be requests per minute and an optional burst, such as"
        + " 60 or 60,30, each between 1 and " + MAX);
  }

  @Override
  public String toString() {
    return perMinute + "/min, burst " + burst;
  }
}
