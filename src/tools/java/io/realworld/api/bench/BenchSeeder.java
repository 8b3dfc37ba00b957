package io.realworld.api.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Seeds the benchmark's data set through the public API only, with concurrent requests: 50 users,
 * 500 articles of 1-3 KB with 2-3 tags each from a pool of 20, 5,000 comments, about 1,500
 * favorites and 400 follows; user 0 is the benchmark user and follows 10 authors. The content is
 * drawn from a fixed seed, so every run seeds the same shape.
 *
 * <p>Usage: {@code BenchSeeder <baseUrl>}. Prints {@code KEY=value} lines for scripts/bench.sh:
 * the benchmark user's token, an article's slug for reads, another's for comment writes.
 */
public final class BenchSeeder {

  static final int USERS = 50;
  static final int ARTICLES_PER_USER = 10;
  static final int TAGS = 20;
  static final int COMMENTS = 5_000;
  static final int FAVORITES = 1_500;
  static final int FOLLOWS = 400;
  static final int FOLLOWED_BY_BENCH_USER = 10;
  private static final int IN_FLIGHT = 16;
  private static final String PASSWORD = "bench password 0123";
  private static final String[] WORDS = ("vert.x postgres latency throughput event loop reactive "
      + "pool index plan cache buffer socket thread kernel page commit query row column json "
      + "schema route handler future promise stream backpressure netty heap garbage collector")
      .split(" ");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
  private final Random random = new Random(42);
  private final String baseUrl;

  private BenchSeeder(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BenchSeeder <baseUrl>");
    }
    new BenchSeeder(args[0]).seed();
  }

  private void seed() {
    long started = System.nanoTime();
    String run = Long.toString(System.currentTimeMillis(), 36);
    List<String> tokens = all(USERS, i -> post("/api/users", null, new JsonObject().put("user",
        new JsonObject().put("username", "bench-" + run + "-" + i)
            .put("email", "bench-" + run + "-" + i + "@example.com").put("password", PASSWORD)))
        .thenApply(json -> json.getJsonObject("user").getString("token")));
    List<String> usernames = IntStream.range(0, USERS).mapToObj(i -> "bench-" + run + "-" + i)
        .toList();

    List<ArticleSeed> drafts = IntStream.range(0, USERS * ARTICLES_PER_USER)
        .mapToObj(i -> new ArticleSeed(i % USERS, "Bench article " + i + " " + sentence(4),
            tags()))
        .toList();
    List<String> bodies = drafts.stream().map(draft -> text(1024 + random.nextInt(2048))).toList();
    List<String> slugs = all(drafts.size(), i -> post("/api/articles",
        tokens.get(drafts.get(i).author()), new JsonObject().put("article", new JsonObject()
            .put("title", drafts.get(i).title()).put("description", sentence(12))
            .put("body", bodies.get(i)).put("tagList", new JsonArray(drafts.get(i).tags()))))
        .thenApply(json -> json.getJsonObject("article").getString("slug")));

    List<int[]> comments = IntStream.range(0, COMMENTS)
        .mapToObj(i -> new int[] {random.nextInt(USERS), random.nextInt(slugs.size())}).toList();
    List<String> commentBodies = comments.stream().map(c -> sentence(8 + random.nextInt(30)))
        .toList();
    all(COMMENTS, i -> post("/api/articles/" + slugs.get(comments.get(i)[1]) + "/comments",
        tokens.get(comments.get(i)[0]), new JsonObject().put("comment",
            new JsonObject().put("body", commentBodies.get(i)))));

    List<int[]> favorites = distinctPairs(FAVORITES, USERS, slugs.size(), List.of());
    all(favorites.size(), i -> post("/api/articles/" + slugs.get(favorites.get(i)[1])
        + "/favorite", tokens.get(favorites.get(i)[0]), null));

    // the benchmark user (0) follows authors 1..10, so its feed has 100 articles
    List<int[]> benchFollows = IntStream.rangeClosed(1, FOLLOWED_BY_BENCH_USER)
        .mapToObj(i -> new int[] {0, i}).toList();
    List<int[]> follows = new ArrayList<>(benchFollows);
    follows.addAll(distinctPairs(FOLLOWS - benchFollows.size(), USERS, USERS, benchFollows));
    all(follows.size(), i -> post("/api/profiles/" + usernames.get(follows.get(i)[1]) + "/follow",
        tokens.get(follows.get(i)[0]), null));

    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("SEEDED=%d users, %d articles, %d comments, %d favorites, %d follows in %d ms%n",
        USERS, slugs.size(), COMMENTS, favorites.size(), follows.size(), millis);
    System.out.println("TOKEN=" + tokens.get(0));
    System.out.println("READ_SLUG=" + slugs.get(0));
    System.out.println("WRITE_SLUG=" + slugs.get(1));
  }

  /** Runs {@code count} requests with at most IN_FLIGHT at a time; their results in order. */
  private <T> List<T> all(int count, Function<Integer, CompletableFuture<T>> request) {
    List<CompletableFuture<T>> results = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      inFlight.acquireUninterruptibly();
      CompletableFuture<T> result = request.apply(i);
      result.whenComplete((value, error) -> inFlight.release());
      results.add(result);
    }
    return results.stream().map(CompletableFuture::join).toList();
  }

  private CompletableFuture<JsonObject> post(String path, String token, JsonObject body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .POST(body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (token != null) {
      request.header("Authorization", "Token " + token);
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> {
          if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " answered "
                + response.statusCode() + ": " + response.body());
          }
          return new JsonObject(response.body());
        });
  }

  /** Distinct (from, to) pairs, from != to when both index the same users, avoiding {@code taken}. */
  private List<int[]> distinctPairs(int count, int fromBound, int toBound, List<int[]> taken) {
    Set<Long> seen = new HashSet<>();
    taken.forEach(pair -> seen.add((long) pair[0] << 32 | pair[1]));
    List<int[]> pairs = new ArrayList<>(count);
    while (pairs.size() < count) {
      int from = random.nextInt(fromBound);
      int to = random.nextInt(toBound);
      boolean self = fromBound == toBound && from == to;
      if (!self && seen.add((long) from << 32 | to)) {
        pairs.add(new int[] {from, to});
      }
    }
    return pairs;
  }

  private List<String> tags() {
    Set<String> tags = new HashSet<>();
    int count = 2 + random.nextInt(2);
    while (tags.size() < count) {
      tags.add("tag" + random.nextInt(TAGS));
    }
    return List.copyOf(tags);
  }

  private String sentence(int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.toString();
  }

  private String text(int length) {
    StringBuilder text = new StringBuilder(length + 16);
    while (text.length() < length) {
      text.append(sentence(12)).append(". ");
    }
    return text.substring(0, length);
  }

  private record ArticleSeed(int author, String title, List<String> tags) {
  }
}
