package io.realworld.api.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.realworld.api.http.ApiError;
import io.realworld.api.support.FuzzedBodies;
import java.util.List;

/**
 * Coverage-guided fuzzing of article input, paging and slugs (Jazzer). {@code make test} replays
 * the inputs in {@code ArticleInputFuzzTestInputs/}; {@code JAZZER_FUZZ=1} searches for new ones.
 */
class ArticleInputFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void creation(FuzzedDataProvider data) {
    NewArticle article = FuzzedBodies.read(data, ArticleInput::forCreate);
    if (article != null) {
      assertThat(article.title()).isNotBlank();
      assertThat(article.tagList()).hasSizeLessThanOrEqualTo(ArticleInput.MAX_TAGS)
          .doesNotHaveDuplicates()
          .allSatisfy(tag -> assertThat(tag).isNotBlank().isEqualTo(tag.strip()));
    }
  }

  @FuzzTest(maxDuration = "30s")
  void update(FuzzedDataProvider data) {
    FuzzedBodies.read(data, ArticleInput::forUpdate);
  }

  /** Any title gives a slug that is a single, non-empty path segment with no dashes at its ends. */
  @FuzzTest(maxDuration = "30s")
  void slugs(FuzzedDataProvider data) {
    String slug = Slugs.slugify(data.consumeRemainingAsString());

    assertThat(slug).isNotEmpty().doesNotStartWith("-").doesNotEndWith("-")
        .doesNotContain("/", "?", "#", "%", " ", "\u0000");
    assertThat(slug.codePointCount(0, slug.length())).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
  }

  @FuzzTest(maxDuration = "30s")
  void paging(FuzzedDataProvider data) {
    List<String> limit = data.consumeBoolean() ? List.of() : List.of(data.consumeString(20));
    List<String> offset = data.consumeBoolean() ? List.of() : List.of(data.consumeString(20));
    try {
      Paging paging = Paging.parse(limit, offset);
      assertThat(paging.limit()).isBetween(1, Paging.MAX_LIMIT);
      assertThat(paging.offset()).isBetween(0, Paging.MAX_OFFSET);
    } catch (ApiError refused) {
      assertThat(refused.status()).isEqualTo(422);
    }
  }
}
