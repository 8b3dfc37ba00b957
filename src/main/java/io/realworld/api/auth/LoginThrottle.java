package io.realworld.api.auth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Limits password guessing: a token bucket per key (a client address, an email), holding one
 * minute's worth of attempts and refilled at the configured rate per minute. Every login attempt
 * takes a token from each of its keys before the password is checked, and a successful one gives
 * them back, so only failures spend the budget, and parallel guesses cannot overtake the count.
 *
 * <p>Memory is bounded: at most {@link #MAX_KEYS} buckets are kept, the least recently used
 * dropped first (a full bucket is the same as none). Shared by every event loop; each call holds
 * the lock for a few arithmetic operations only.
 */
public final class LoginThrottle {

  /** About 150 bytes each: a few MB at most, whatever an attacker sends. */
  static final int MAX_KEYS = 50_000;
  private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

  private final double capacity;
  private final double tokensPerNano;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
      return size() > MAX_KEYS;
    }
  };

  public LoginThrottle(int failuresPerMinute) {
    this(failuresPerMinute, System::nanoTime);
  }

  LoginThrottle(int failuresPerMinute, LongSupplier nanoTime) {
    this.capacity = failuresPerMinute;
    this.tokensPerNano = (double) failuresPerMinute / NANOS_PER_MINUTE;
    this.nanoTime = nanoTime;
  }

  /**
   * Takes one attempt from every key's budget, or none when any budget is spent: then answers how
   * long until the attempt would be allowed (at least one second).
   */
  public synchronized Optional<Duration> acquire(List<String> keys) {
    long now = nanoTime.getAsLong();
    double missing = 0;
    for (String key : keys) {
      Bucket bucket = buckets.get(key);
      if (bucket != null) {
        bucket.refill(now);
        missing = Math.max(missing, 1 - bucket.tokens);
      }
    }
    if (missing > 0) {
      long waitSeconds = (long) Math.ceil(missing / tokensPerNano / 1e9);
      return Optional.of(Duration.ofSeconds(Math.max(1, waitSeconds)));
    }
    for (String key : keys) {
      buckets.computeIfAbsent(key, k -> new Bucket(capacity, now)).tokens -= 1;
    }
    return Optional.empty();
  }

  /** Gives back what {@link #acquire} took: the attempt succeeded. */
  public synchronized void release(List<String> keys) {
    long now = nanoTime.getAsLong();
    for (String key : keys) {
      Bucket bucket = buckets.get(key);
      if (bucket != null) {
        bucket.refill(now);
        bucket.tokens = Math.min(capacity, bucket.tokens + 1);
      }
    }
  }

  synchronized int size() {
    return buckets.size();
  }

  private final class Bucket {
    double tokens;
    long refilledAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }

    void refill(long now) {
      tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
      refilledAt = now;
    }
  }
}
