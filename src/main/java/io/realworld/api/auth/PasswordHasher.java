package io.realworld.api.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.realworld.api.http.ApiError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Argon2id password hashing, off the event loop on a small pool of its own: each hash takes 7 MiB
 * and tens of milliseconds, so the pool bounds both the memory and the CPU that a burst of logins
 * can take, and never delays other requests' event loops.
 */
public final class PasswordHasher {

  /**
   * 7 MiB, 5 iterations, 1 lane: of the Argon2id settings that OWASP's Password Storage Cheat Sheet
   * lists as an equal level of defence (19 MiB and 2 iterations, ..., 7 MiB and 5), the one that
   * needs the least memory. A hash's memory is thousands of small arrays that live through young
   * collections and get promoted: with 19 MiB, a burst of sign-ups grew the heap to over 1 GB and
   * two concurrent hashes did not fit a 256 MB container's heap (measured with NMT and GC logs).
   */
  private static final Argon2Function ARGON2 =
      Argon2Function.getInstance(7_168, 5, 1, 32, Argon2.ID);
  private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
  /**
   * Hashes running or waiting: 8 per thread is a few hundred milliseconds of queue, well inside
   * the request timeout. Beyond it a hash would only wait to time out, after holding 7 MiB.
   */
  static final int MAX_PENDING = 8 * THREADS;
  static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final WorkerExecutor workers;
  private final AtomicInteger pending = new AtomicInteger();

  public PasswordHasher(Vertx vertx) {
    this.workers = vertx.createSharedWorkerExecutor("password-hashing", THREADS);
  }

  /** The hash; 503 with Retry-After, before anything is done, when the queue is full. */
  public Future<String> hash(String password) {
    return bounded(() -> Password.hash(password).addRandomSalt(16).with(ARGON2).getResult());
  }

  /** Whether the password matches; with a null hash it spends the same time and answers false. */
  public Future<Boolean> verify(String password, String hashOrNull) {
    return bounded(() -> {
      String hash = hashOrNull == null ? UnknownUser.HASH : hashOrNull;
      // The parameters come from the stored hash: withArgon2() would use password4j's defaults
      // and never match, and hashes made before a change of ARGON2 keep verifying.
      boolean matches = Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
      return hashOrNull != null && matches;
    });
  }

  private <T> Future<T> bounded(Callable<T> work) {
    if (pending.incrementAndGet() > MAX_PENDING) {
      pending.decrementAndGet();
      return Future.failedFuture(ApiError.overloaded("password hashing", RETRY_AFTER));
    }
    return workers.executeBlocking(work, false).onComplete(done -> pending.decrementAndGet());
  }

  public Future<Void> close() {
    return workers.close();
  }

  /** Verified when the user does not exist, so that a login takes as long either way. */
  private static final class UnknownUser {
    static final String HASH =
        Password.hash("no such user: equal-time dummy").addRandomSalt(16).with(ARGON2).getResult();
  }
}
