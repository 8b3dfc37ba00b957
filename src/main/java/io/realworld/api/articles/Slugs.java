package io.realworld.api.articles;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Turns titles into URL slugs. Letters and digits of every script are kept (a Japanese title gets
 * a Japanese slug, not an empty one); Latin accents are dropped, so "Crème brûlée" is
 * "creme-brulee".
 */
final class Slugs {

  static final int MAX_LENGTH = 100;
  static final String EMPTY_TITLE_SLUG = "article";
  private static final int SUFFIX_LENGTH = 6;
  private static final String SUFFIX_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
  // "feed" would be shadowed by GET /api/articles/feed
  private static final Set<String> RESERVED = Set.of("feed");

  private static final Pattern LATIN_ACCENTS = Pattern.compile("\\p{InCombiningDiacriticalMarks}+");
  private static final Pattern APOSTROPHES = Pattern.compile("['’]");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");

  private Slugs() {
  }

  static String slugify(String title) {
    String unaccented = LATIN_ACCENTS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD))
        .replaceAll("");
    String lower = Normalizer.normalize(unaccented, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    String dashed = SEPARATORS.matcher(APOSTROPHES.matcher(lower).replaceAll("")).replaceAll("-");
    String slug = trimDashes(truncate(trimDashes(dashed)));
    return slug.isEmpty() ? EMPTY_TITLE_SLUG : slug;
  }

  /**
   * The slugs to try for a title: its slug, unless another article has it (or it is reserved);
   * then the same with a random suffix, which collides once in about two billion.
   */
  static SlugCandidates candidates(String title, RandomGenerator random) {
    String base = slugify(title);
    StringBuilder suffixed = new StringBuilder(base).append('-');
    for (int i = 0; i < SUFFIX_LENGTH; i++) {
      suffixed.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
    }
    String fallback = suffixed.toString();
    return new SlugCandidates(RESERVED.contains(base) ? fallback : base, fallback);
  }

  private static String truncate(String slug) {
    if (slug.codePointCount(0, slug.length()) <= MAX_LENGTH) {
      return slug;
    }
    return slug.substring(0, slug.offsetByCodePoints(0, MAX_LENGTH));
  }

  private static String trimDashes(String slug) {
    int start = 0;
    int end = slug.length();
    while (start < end && slug.charAt(start) == '-') {
      start++;
    }
    while (end > start && slug.charAt(end - 1) == '-') {
      end--;
    }
    return slug.substring(start, end);
  }

  /** A preferred slug and the fallback used when another article already has it. */
  record SlugCandidates(String preferred, String fallback) {
  }
}
