package io.realworld.api.tags;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The last answer of "which tags are in use", shared by every event loop of the process. The
 * question groups every article's tags, the most expensive read of the API, while its answer
 * changes only when articles are written: articles written here are forgotten at once
 * ({@link #forget()}); other replicas' writes show within {@link #MAX_AGE}.
 */
public final class TagsInUse {

  static final Duration MAX_AGE = Duration.ofSeconds(1);

  private final AtomicLong generation = new AtomicLong();
  private final AtomicReference<Snapshot> last = new AtomicReference<>();
  private final LongSupplier nanoClock;

  public TagsInUse() {
    this(System::nanoTime);
  }

  TagsInUse(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  private record Snapshot(List<String> names, long generation, long takenAtNanos) {
  }

  /** Called when articles change: the next question goes to the database. */
  public void forget() {
    generation.incrementAndGet();
  }

  /** The remembered answer, or null when there is none or it may be out of date. */
  List<String> fresh() {
    Snapshot snapshot = last.get();
    boolean current = snapshot != null && snapshot.generation() == generation.get()
        && nanoClock.getAsLong() - snapshot.takenAtNanos() < MAX_AGE.toNanos();
    return current ? snapshot.names() : null;
  }

  /** Where the database's answer will be valid: read before asking it. */
  long generation() {
    return generation.get();
  }

  /** Keeps an answer the database gave when the generation was {@code askedAt}. */
  void remember(List<String> names, long askedAt) {
    // an article written while the query ran leaves the answer stale: fresh() then ignores it
    last.set(new Snapshot(List.copyOf(names), askedAt, nanoClock.getAsLong()));
  }
}
