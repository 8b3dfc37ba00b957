package io.realworld.api.articles;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.TestArticles;
import io.realworld.api.support.TestUsers;
import io.realworld.api.support.TestUsers.TestUser;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Concurrent writers racing for slugs and for new tags: every one of them gets a 201. Pairs of
 * writers share a title, so both see its slug free and one loses the race at the unique index
 * (measured: without the retry, every run had 409s).
 */
class SlugRaceTest {

  private static final int WRITERS = 16;

  @Test
  void concurrentArticlesWithTheSameTitlesAndNewTagsAllSucceedWithDistinctSlugs() {
    TestUser author = TestUsers.create();
    String title = ApiClient.unique("Race ");
    String tagA = ApiClient.unique("a");
    String tagB = ApiClient.unique("b");
    ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
    try {
      List<CompletableFuture<ApiClient.Response>> writes = IntStream.range(0, WRITERS)
          .mapToObj(i -> CompletableFuture.supplyAsync(() -> author.api().post("/api/articles",
              // the two writers of a title list the new tags in opposite orders
              i % 2 == 0
                  ? TestArticles.body(title + (i / 2), tagA, tagB)
                  : TestArticles.body(title + (i / 2), tagB, tagA)),
              threads))
          .toList();
      List<ApiClient.Response> responses = writes.stream().map(CompletableFuture::join).toList();

      assertThat(responses).allSatisfy(response ->
          assertThat(response.status()).as(response.body()).isEqualTo(201));
      assertThat(responses.stream()
          .map(response -> response.json().getJsonObject("article").getString("slug")).distinct())
          .hasSize(WRITERS);
    } finally {
      threads.shutdownNow();
    }
  }
}
