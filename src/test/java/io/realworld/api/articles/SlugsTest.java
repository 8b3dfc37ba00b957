package io.realworld.api.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SlugsTest {

  @Test
  void lowercasesAndJoinsWordsWithDashes() {
    assertThat(Slugs.slugify("How to Train Your Dragon")).isEqualTo("how-to-train-your-dragon");
  }

  @Test
  void dropsPunctuationApostrophesAndSurroundingDashes() {
    assertThat(Slugs.slugify("  Don't panic!!! -- (really) ")).isEqualTo("dont-panic-really");
  }

  @Test
  void dropsLatinAccents() {
    assertThat(Slugs.slugify("Crème Brûlée à la façon")).isEqualTo("creme-brulee-a-la-facon");
  }

  @Test
  void keepsLettersOfOtherScripts() {
    assertThat(Slugs.slugify("日本語 テスト")).isEqualTo("日本語-テスト");
    assertThat(Slugs.slugify("Привет мир")).isEqualTo("привет-мир");
  }

  @Test
  void aTitleWithoutLettersOrDigitsStillGetsASlug() {
    assertThat(Slugs.slugify("!!! ???")).isEqualTo(Slugs.EMPTY_TITLE_SLUG);
    assertThat(Slugs.slugify("🐉🐉")).isEqualTo(Slugs.EMPTY_TITLE_SLUG);
  }

  @Test
  void longTitlesAreCutWithoutATrailingDash() {
    String slug = Slugs.slugify("word ".repeat(100));
    assertThat(slug.codePointCount(0, slug.length())).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
    assertThat(slug).startsWith("word-word").doesNotEndWith("-");
  }

  @Test
  void theFallbackIsTheSlugWithASixCharacterSuffix() {
    var candidates = Slugs.candidates("Hello World", new Random(42));
    assertThat(candidates.preferred()).isEqualTo("hello-world");
    assertThat(candidates.fallback()).matches("hello-world-[0-9a-z]{6}");
  }

  @Test
  void feedIsNeverPreferredBecauseTheFeedRouteWouldShadowIt() {
    var candidates = Slugs.candidates("Feed", new Random(1));
    assertThat(candidates.preferred()).isEqualTo(candidates.fallback()).matches("feed-[0-9a-z]{6}");
  }
}
