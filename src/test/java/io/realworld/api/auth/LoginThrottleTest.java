package io.realworld.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final List<String> ALICE = List.of("address:10.0.0.1", "email:alice@example.com");
  private final AtomicLong now = new AtomicLong();
  private final LoginThrottle throttle = new LoginThrottle(6, now::get); // one every 10 s

  @Test
  void allowsAMinutesWorthOfFailuresThenAsksToWaitForTheNextToken() {
    for (int i = 0; i < 6; i++) {
      assertThat(throttle.acquire(ALICE)).as("attempt %d", i + 1).isEmpty();
    }

    assertThat(throttle.acquire(ALICE)).contains(Duration.ofSeconds(10));
    advance(Duration.ofSeconds(4));
    assertThat(throttle.acquire(ALICE)).contains(Duration.ofSeconds(6));
    advance(Duration.ofSeconds(6));
    assertThat(throttle.acquire(ALICE)).isEmpty();
    assertThat(throttle.acquire(ALICE)).isPresent();
  }

  @Test
  void successfulAttemptsGiveTheirTokenBack() {
    for (int i = 0; i < 100; i++) {
      assertThat(throttle.acquire(ALICE)).isEmpty();
      throttle.release(ALICE);
    }
  }

  @Test
  void anySpentKeyBlocksAndNothingIsTakenFromTheOthers() {
    List<String> fromElsewhere = List.of("address:10.0.0.2", "email:alice@example.com");
    for (int i = 0; i < 6; i++) {
      throttle.acquire(ALICE);
    }

    assertThat(throttle.acquire(fromElsewhere)).as("the email's budget is spent").isPresent();
    assertThat(throttle.acquire(List.of("address:10.0.0.2", "email:bob@example.com")))
        .as("10.0.0.2 was not charged for the refused attempt").isEmpty();
  }

  @Test
  void keepsAtMostMaxKeysBuckets() {
    for (int i = 0; i < LoginThrottle.MAX_KEYS + 1_000; i++) {
      throttle.acquire(List.of("address:" + i));
    }

    assertThat(throttle.size()).isEqualTo(LoginThrottle.MAX_KEYS);
  }

  @Test
  void forgetsAClientOnceItsBucketHasRefilled() {
    throttle.acquire(ALICE);
    assertThat(throttle.size()).isEqualTo(2);
    advance(Duration.ofSeconds(9));
    throttle.acquire(List.of("address:10.0.0.9"));
    assertThat(throttle.size()).as("alice's buckets still miss a token").isEqualTo(3);

    advance(Duration.ofSeconds(1));
    throttle.acquire(List.of("address:10.0.0.9"));

    assertThat(throttle.size()).as("alice's buckets are full again: forgotten").isEqualTo(1);
  }

  @Test
  void keepsNoKeyTextSoAHugeKeyTakesNoMoreRoomThanAShortOne() throws InterruptedException {
    String huge = "email:" + "x".repeat(1 << 20);
    WeakReference<String> kept = new WeakReference<>(huge);
    for (int i = 0; i < 6; i++) {
      assertThat(throttle.acquire(List.of(huge))).isEmpty();
      throttle.rememberSuccess(huge);
    }
    assertThat(throttle.acquire(List.of("email:" + "x".repeat(1 << 20))))
        .as("an equal key is the same key").isPresent();
    huge = null;

    for (int i = 0; i < 50 && kept.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }

    assertThat(kept.get()).as("the throttle let go of the 1 MB key").isNull();
    assertThat(throttle.size()).isEqualTo(1);
  }

  @Test
  void remembersSuccessfulKeysOnly() {
    throttle.rememberSuccess("login:alice@example.com at 10.0.0.1");

    assertThat(throttle.hasSucceeded("login:alice@example.com at 10.0.0.1")).isTrue();
    assertThat(throttle.hasSucceeded("login:alice@example.com at 10.0.0.2")).isFalse();
  }

  @Test
  void parallelAttemptsCannotTakeMoreThanTheBudget() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Optional<Duration>>> attempts = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        attempts.add(pool.submit(() -> throttle.acquire(ALICE)));
      }
      int allowed = 0;
      for (Future<Optional<Duration>> attempt : attempts) {
        allowed += attempt.get().isEmpty() ? 1 : 0;
      }
      assertThat(allowed).isEqualTo(6);
    } finally {
      pool.shutdownNow();
    }
  }

  private void advance(Duration duration) {
    now.addAndGet(duration.toNanos());
  }
}
