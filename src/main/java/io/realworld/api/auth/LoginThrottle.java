package io.realworld.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Iterator;
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
 * <p>Memory is bounded in bytes whatever clients send: a key is kept as a 128-bit digest, never as
 * the text it came from, so an entry is about {@link #BYTES_PER_ENTRY} bytes, and at most
 * {@link #MAX_KEYS} buckets (and as many remembered logins) are kept, the least recently used
 * dropped first. A bucket that has refilled is the same as none: idle clients are forgotten as
 * soon as they have waited a minute. Shared by every event loop; each call holds the lock for a
 * few arithmetic operations and one SHA-256 per key.
 */
public final class LoginThrottle {

  /** With about {@link #BYTES_PER_ENTRY} bytes each: under 8 MB for buckets and logins together. */
  static final int MAX_KEYS = 50_000;
  /** A map entry, its 2-long digest key and its bucket or timestamp, on a 64-bit JVM. */
  static final int BYTES_PER_ENTRY = 80;
  private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

  private final double capacity;
  private final double tokensPerNano;
  private final LongSupplier nanoTime;
  private final Map<Digest, Bucket> buckets = lru();
  /** Keys that have logged in successfully: see {@link #succeeded}. */
  private final Map<Digest, Boolean> succeeded = lru();

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
    forgetIdle(now);
    double missing = 0;
    for (String key : keys) {
      Bucket bucket = buckets.get(Digest.of(key));
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
      buckets.computeIfAbsent(Digest.of(key), k -> new Bucket(capacity, now)).tokens -= 1;
    }
    return Optional.empty();
  }

  /** Gives back what {@link #acquire} took: the attempt succeeded. */
  public synchronized void release(List<String> keys) {
    long now = nanoTime.getAsLong();
    for (String key : keys) {
      Bucket bucket = buckets.get(Digest.of(key));
      if (bucket != null) {
        bucket.refill(now);
        bucket.tokens = Math.min(capacity, bucket.tokens + 1);
      }
    }
  }

  /** Remembers that {@code key} (an email at an address, say) has logged in successfully. */
  public synchronized void rememberSuccess(String key) {
    succeeded.put(Digest.of(key), Boolean.TRUE);
  }

  /** Whether {@code key} has logged in successfully, as far as this process remembers. */
  public synchronized boolean hasSucceeded(String key) {
    return succeeded.get(Digest.of(key)) != null;
  }

  synchronized int size() {
    return buckets.size();
  }

  /** Drops the least recently used buckets while they have refilled completely. */
  private void forgetIdle(long now) {
    Iterator<Bucket> eldest = buckets.values().iterator();
    while (eldest.hasNext()) {
      Bucket bucket = eldest.next();
      bucket.refill(now);
      if (bucket.tokens < capacity) {
        return;
      }
      eldest.remove();
    }
  }

  private static <V> Map<Digest, V> lru() {
    return new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Digest, V> eldest) {
        return size() > MAX_KEYS;
      }
    };
  }

  /** The first 128 bits of a key's SHA-256: fixed-size, and without the email it came from. */
  private record Digest(long high, long low) {

    static Digest of(String key) {
      byte[] hash;
      try {
        hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JVM has SHA-256", e);
      }
      long high = 0;
      long low = 0;
      for (int i = 0; i < 8; i++) {
        high = (high << 8) | (hash[i] & 0xff);
        low = (low << 8) | (hash[i + 8] & 0xff);
      }
      return new Digest(high, low);
    }
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
