package io.realworld.api.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Limits password guessing: a token bucket per key (a client address, an email), holding one
 * minute's worth of attempts and refilled at the configured rate per minute ({@link TokenBuckets},
 * the service's one throttle). Every login attempt takes a token from each of its keys before the
 * password is checked, and a successful one gives them back, so only failures spend the budget,
 * and parallel guesses cannot overtake the count.
 *
 * <p>Memory is bounded in bytes whatever clients send: keys are kept as 128-bit digests, at most
 * {@link #MAX_KEYS} buckets and as many remembered logins, the least recently used dropped first,
 * and a bucket that has refilled is forgotten.
 */
public final class LoginThrottle {

  /** With about {@link #BYTES_PER_ENTRY} bytes each: under 8 MB for buckets and logins together. */
  static final int MAX_KEYS = TokenBuckets.MAX_KEYS;
  static final int BYTES_PER_ENTRY = TokenBuckets.BYTES_PER_ENTRY;

  private final TokenBuckets buckets;
  /** Keys that have logged in successfully: see {@link #succeeded}. */
  private final Map<TokenBuckets.Digest, Boolean> succeeded = TokenBuckets.lru();

  public LoginThrottle(int failuresPerMinute) {
    this(failuresPerMinute, System::nanoTime);
  }

  LoginThrottle(int failuresPerMinute, LongSupplier nanoTime) {
    this.buckets = new TokenBuckets(failuresPerMinute, failuresPerMinute, nanoTime);
  }

  /**
   * Takes one attempt from every key's budget, or none when any budget is spent: then answers how
   * long until the attempt would be allowed (at least one second).
   */
  public Optional<Duration> acquire(List<String> keys) {
    return buckets.acquire(keys);
  }

  /** Gives back what {@link #acquire} took: the attempt succeeded. */
  public void release(List<String> keys) {
    buckets.release(keys);
  }

  /** Remembers that {@code key} (an email at an address, say) has logged in successfully. */
  public synchronized void rememberSuccess(String key) {
    succeeded.put(TokenBuckets.Digest.of(key), Boolean.TRUE);
  }

  /** Whether {@code key} has logged in successfully, as far as this process remembers. */
  public synchronized boolean hasSucceeded(String key) {
    return succeeded.get(TokenBuckets.Digest.of(key)) != null;
  }

  int size() {
    return buckets.size();
  }
}
