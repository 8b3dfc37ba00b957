package io.realworld.api.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TagsInUseTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final TagsInUse inUse = new TagsInUse(now::get);

  @Test
  void remembersAnAnswerForLessThanItsMaximumAge() {
    inUse.remember(List.of("dragons"), inUse.generation());

    now.addAndGet(TagsInUse.MAX_AGE.toNanos() - 1);
    assertThat(inUse.fresh()).containsExactly("dragons");
    now.addAndGet(1);
    assertThat(inUse.fresh()).isNull();
  }

  @Test
  void forgetsAtOnceWhenArticlesChange() {
    inUse.remember(List.of("dragons"), inUse.generation());

    inUse.forget();

    assertThat(inUse.fresh()).isNull();
  }

  @Test
  void ignoresAnAnswerAskedForBeforeArticlesChanged() {
    long askedAt = inUse.generation();
    inUse.forget(); // an article is written while the query runs

    inUse.remember(List.of("dragons"), askedAt);

    assertThat(inUse.fresh()).isNull();
  }

  @Test
  void hasNothingToSayAtFirst() {
    assertThat(inUse.fresh()).isNull();
  }
}
