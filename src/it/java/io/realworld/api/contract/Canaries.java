package io.realworld.api.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Canary values: secrets that exist only to be looked for. Run-time canaries are made here; the
 * build-time ones are planted in the source tree by scripts/verify-prod.sh before its build and
 * passed in as {@code -Dverify.canaries=a,b}.
 */
final class Canaries {

  private Canaries() {
  }

  /** A fresh value, recognisable in any output: {@code canary-<purpose>-<random>}. */
  static String runtime(String purpose) {
    return "canary-" + purpose + "-" + UUID.randomUUID().toString().replace("-", "");
  }

  /** The values planted in the source tree before the build; skips the check without them. */
  static List<String> plantedInSourceTree() {
    String planted = System.getProperty("verify.canaries", "");
    assumeTrue(!planted.isBlank(), "the canary files are planted in the source tree by "
        + "scripts/verify-prod.sh before it builds; this run did not build with them");
    return Arrays.stream(planted.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
