package io.realworld.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

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
