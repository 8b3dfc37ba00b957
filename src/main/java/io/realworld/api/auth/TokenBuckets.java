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
 * The one throttle of the service: a token bucket per key (a client address, an email, an
 * account), holding at most {@code burst} tokens and refilled at {@code perMinute} tokens a
 * minute. Used for failed logins ({@link LoginThrottle}) and for writes ({@link WriteLimits}).
 *
 * <p>Memory is bounded in bytes whatever clients send: a key is kept as a 128-bit digest, never as
 * the text it came from, so an entry is about {@link #BYTES_PER_ENTRY} bytes, and at most
 * {@link #MAX_KEYS} buckets are kept, the least recently used dropped first. A bucket that has
 * refilled is the same as none: idle keys are forgotten as soon as they have refilled. Shared by
 * every event loop; each call holds the lock for a few arithmetic operations and one SHA-256 per
 * key, and never waits for anything else.
 */
final class TokenBuckets {

  /** With about {@link #BYTES_PER_ENTRY} bytes each: under 4 MB for one set of buckets. */
  static final int MAX_KEYS = 50_000;
  /** A map entry, its 2-long digest key and its bucket or timestamp, on a 64-bit JVM. */
  static final int BYTES_PER_ENTRY = 80;
  private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

  private final double capacity;
  private final double tokensPerNano;
  private final LongSupplier nanoTime;
  private final Map<Digest, Bucket> buckets = lru();

  TokenBuckets(int perMinute, int burst, LongSupplier nanoTime) {
    if (perMinute < 1 || burst < 1) {
      throw new IllegalArgumentException("a rate and a burst of at least 1");
    }
    this.capacity = burst;
    this.tokensPerNano = (double) perMinute / NANOS_PER_MINUTE;
    this.nanoTime = nanoTime;
  }

  /**
   * Takes one token from every key's bucket, or none when any bucket is empty: then answers how
   * long until the attempt would be allowed (at least one second).
   */
  synchronized Optional<Duration> acquire(List<String> keys) {
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

  /** Gives back what {@link #acquire} took. */
  synchronized void release(List<String> keys) {
    long now = nanoTime.getAsLong();
    for (String key : keys) {
      Bucket bucket = buckets.get(Digest.of(key));
      if (bucket != null) {
        bucket.refill(now);
        bucket.tokens = Math.min(capacity, bucket.tokens + 1);
      }
    }
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

  /** An access-ordered map of at most {@link #MAX_KEYS} entries, the least recently used dropped. */
  static <V> Map<Digest, V> lru() {
    return new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Digest, V> eldest) {
        return size() > MAX_KEYS;
      }
    };
  }

  /** The first 128 bits of a key's SHA-256: fixed-size, and without the text it came from. */
  record Digest(long high, long low) {

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
