package io.realworld.api.http;

import com.ibm.icu.text.SpoofChecker;
import java.util.Locale;

/**
 * Names that look like other names, as Unicode's security mechanisms (UTS #39) tell them, with
 * ICU's SpoofChecker: a name that mixes scripts the way spoofs do (Latin with Cyrillic, as in a
 * "jake" whose "a" is Cyrillic) is refused; any other name has a skeleton, equal for names that
 * look alike ("bam" and "barn", "jake" and "JAKE"), so that one of them is enough.
 *
 * <p>Loading ICU's confusables data takes a fifth of a second (more on a loaded machine): the
 * service loads it at start on a worker ({@link #load}), never on an event loop.
 */
public final class Lookalikes {

  private Lookalikes() {
  }

  /** Loads the checker and its data, if not loaded yet. Blocks: on a worker thread. */
  public static void load() {
    Holder.CHECKER.getChecks();
  }

  /**
   * Whether the name mixes scripts beyond what UTS #39 calls moderately restrictive (Latin with
   * one other script but Cyrillic, Greek or Cherokee; Han with Kana or Hangul), or digits of
   * different systems. A name in one script, any script, passes.
   */
  public static boolean mixesScripts(String name) {
    return Holder.CHECKER.failsChecks(name);
  }

  /** The confusable skeleton of the name in lower case (names are unique regardless of case). */
  public static String skeleton(String name) {
    return Holder.CHECKER.getSkeleton(name.toLowerCase(Locale.ROOT));
  }

  private static final class Holder {
    static final SpoofChecker CHECKER = new SpoofChecker.Builder()
        .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS)
        .setRestrictionLevel(SpoofChecker.RestrictionLevel.MODERATELY_RESTRICTIVE)
        .build();
  }
}
