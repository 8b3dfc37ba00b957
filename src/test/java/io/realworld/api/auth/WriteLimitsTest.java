package io.realworld.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.config.RateLimit;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The write budgets on a clock the test moves: burst, refill, other keys, bounds. */
class WriteLimitsTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final WriteLimits limits =
      new WriteLimits(new RateLimit(60, 30), new RateLimit(20, 10), now::get);

  @Test
  void anAccountWritesItsBurstThenWaitsForTheRate() {
    for (int i = 0; i < 30; i++) {
      assertThat(limits.accountWrite(7)).as("write %d", i + 1).isEmpty();
    }

    assertThat(limits.accountWrite(7)).contains(Duration.ofSeconds(1));
    assertThat(limits.accountWrite(8)).as("another account has its own budget").isEmpty();

    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(limits.accountWrite(7)).as("60 a minute: one more each second").isEmpty();
    assertThat(limits.accountWrite(7)).isPresent();
  }

  @Test
  void aClientSignsUpItsBurstThenWaitsForTheRate() {
    for (int i = 0; i < 10; i++) {
      assertThat(limits.signup("203.0.113.7")).isEmpty();
    }

    assertThat(limits.signup("203.0.113.7")).contains(Duration.ofSeconds(3));
    assertThat(limits.signup("203.0.113.8")).isEmpty();
    assertThat(limits.accountWrite(1)).as("sign-ups and account writes are apart").isEmpty();

    now.addAndGet(Duration.ofSeconds(3).toNanos());
    assertThat(limits.signup("203.0.113.7")).isEmpty();
  }

  @Test
  void keepsAtMostMaxKeysBucketsHoweverManyClients() {
    for (int i = 0; i < TokenBuckets.MAX_KEYS + 1_000; i++) {
      limits.signup("client-" + i);
      limits.accountWrite(i);
    }

    assertThat(limits.clientKeys()).isEqualTo(TokenBuckets.MAX_KEYS);
    assertThat(limits.accountKeys()).isEqualTo(TokenBuckets.MAX_KEYS);
  }

  @Test
  void forgetsAKeyOnceItsBucketHasRefilled() {
    limits.accountWrite(1);
    limits.accountWrite(2);
    assertThat(limits.accountKeys()).isEqualTo(2);

    now.addAndGet(Duration.ofSeconds(1).toNanos());
    limits.accountWrite(3);

    assertThat(limits.accountKeys()).as("1 and 2 refilled: forgotten").isEqualTo(1);
  }
}
