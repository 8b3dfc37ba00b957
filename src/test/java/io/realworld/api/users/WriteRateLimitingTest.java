package io.realworld.api.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.Registrations;
import io.realworld.api.support.StandaloneApp;
import io.realworld.api.support.TestArticles;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Writes over WRITE_RATE_PER_ACCOUNT and sign-ups over SIGNUP_RATE_PER_CLIENT get 429 with
 * Retry-After and write nothing; other accounts and clients go on. Each test has a service of its
 * own, behind TRUSTED_PROXIES=127.0.0.1 so that X-Forwarded-For names the client.
 */
class WriteRateLimitingTest {

  private StandaloneApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private ApiClient start(String writesPerAccount, String signupsPerClient) {
    app = StandaloneApp.startReady(Map.of("WRITE_RATE_PER_ACCOUNT", writesPerAccount,
        "SIGNUP_RATE_PER_CLIENT", signupsPerClient, "TRUSTED_PROXIES", "127.0.0.1"));
    return app.client();
  }

  @Test
  void writesOverTheAccountsBurstAre429WithRetryAfterAndNotStored() {
    ApiClient api = start("1,3", "1000,1000");
    var registered = Registrations.register(api);
    ApiClient author = api.withToken(registered.token());
    for (int i = 0; i < 3; i++) {
      assertThat(author.post("/api/articles", TestArticles.body("allowed " + i)).status())
          .isEqualTo(201);
    }

    var refused = author.post("/api/articles", TestArticles.body("refused"));

    assertThat(refused.status()).isEqualTo(429);
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(refused.json().fieldNames()).containsExactly("errors");
    assertThat(refused.json().getJsonObject("errors").getJsonArray("writes").getString(0))
        .startsWith("too many");
    assertThat(articlesBy(api, registered.username())).as("nothing stored").isEqualTo(3);

    ApiClient other = api.withToken(Registrations.register(api).token());
    assertThat(other.post("/api/articles", TestArticles.body("another account")).status())
        .as("another account is not limited").isEqualTo(201);
  }

  @Test
  void theAccountsBucketRefillsAtTheRate() throws InterruptedException {
    ApiClient api = start("60,1", "1000,1000");
    ApiClient author = api.withToken(Registrations.register(api).token());
    assertThat(author.post("/api/articles", TestArticles.body("first")).status()).isEqualTo(201);
    var refused = author.post("/api/articles", TestArticles.body("second"));
    assertThat(refused.status()).isEqualTo(429);

    Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000 + 100);

    assertThat(author.post("/api/articles", TestArticles.body("second")).status()).isEqualTo(201);
  }

  @Test
  void everyAuthenticatedWriteRouteIsLimitedBeforeItWrites() {
    ApiClient api = start("1,1", "1000,1000");
    var target = Registrations.register(api);
    ApiClient owner = api.withToken(Registrations.register(api).token());
    var created = owner.post("/api/articles", TestArticles.body("owned"));
    assertThat(created.status()).isEqualTo(201);
    String slug = created.json().getJsonObject("article").getString("slug");
    var registeredWriter = Registrations.register(api);
    ApiClient writer = api.withToken(registeredWriter.token());
    assertThat(writer.post("/api/articles/" + slug + "/comments", comment("the one allowed"))
        .status()).isEqualTo(201);

    List<ApiClient.Response> refused = new ArrayList<>();
    refused.add(writer.post("/api/articles", TestArticles.body("refused article")));
    refused.add(writer.put("/api/articles/" + slug, TestArticles.body("changed")));
    refused.add(writer.delete("/api/articles/" + slug));
    refused.add(writer.post("/api/articles/" + slug + "/favorite", null));
    refused.add(writer.delete("/api/articles/" + slug + "/favorite"));
    refused.add(writer.post("/api/articles/" + slug + "/comments", comment("refused comment")));
    refused.add(writer.delete("/api/articles/" + slug + "/comments/1"));
    refused.add(writer.post("/api/profiles/" + target.username() + "/follow", null));
    refused.add(writer.delete("/api/profiles/" + target.username() + "/follow"));
    refused.add(writer.put("/api/user", new JsonObject().put("user",
        new JsonObject().put("bio", "refused bio"))));

    assertThat(refused).extracting(ApiClient.Response::status).containsOnly(429);
    assertThat(refused).allSatisfy(response ->
        assertThat(response.header("Retry-After")).isNotBlank());
    var article = api.get("/api/articles/" + slug).json().getJsonObject("article");
    assertThat(article.getString("title")).isEqualTo("owned");
    assertThat(article.getInteger("favoritesCount")).isZero();
    assertThat(api.get("/api/articles/" + slug + "/comments").json().getJsonArray("comments"))
        .hasSize(1);
    assertThat(articlesBy(api, registeredWriter.username())).isZero();
    assertThat(api.get("/api/profiles/" + target.username()).json().getJsonObject("profile")
        .getBoolean("following")).isFalse();
    assertThat(writer.get("/api/user").json().getJsonObject("user").getString("bio"))
        .isNotEqualTo("refused bio");
  }

  @Test
  void signUpsOverTheClientsBurstAre429AndCreateNoUser() {
    ApiClient api = start("1000,1000", "1,2");
    ApiClient client = api.withHeader("X-Forwarded-For", "203.0.113.7");
    Registrations.register(client);
    Registrations.register(client);
    String username = ApiClient.unique("refused");

    var refused = client.post("/api/users",
        Registrations.body(username, username + "@example.com", Registrations.PASSWORD));

    assertThat(refused.status()).isEqualTo(429);
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(refused.json().getJsonObject("errors").getJsonArray("registrations").getString(0))
        .startsWith("too many");
    assertThat(api.get("/api/profiles/" + username).status()).as("no user created").isEqualTo(404);
    Registrations.register(api.withHeader("X-Forwarded-For", "203.0.113.8"));
    Registrations.register(api);
  }

  @Test
  void theDefaultsLetABurstOfThirtyWritesAndTenSignUpsThroughThenLimit() {
    ApiClient api = start("", "");
    long started = System.nanoTime();
    int signups = 0;
    while (signups < 100 && api.post("/api/users", Registrations.body(ApiClient.unique("u"),
        ApiClient.unique("e") + "@example.com", Registrations.PASSWORD)).status() == 201) {
      signups++;
    }
    // 20 a minute refill one every 3 s while the burst is spent
    assertThat(signups).isBetween(10, 10 + (int) (secondsSince(started) / 3) + 1);

    ApiClient follower = api.withToken(Registrations.register(
        api.withHeader("X-Forwarded-For", "203.0.113.9")).token());
    var target = Registrations.register(api.withHeader("X-Forwarded-For", "203.0.113.10"));
    started = System.nanoTime();
    int writes = 0;
    String follow = "/api/profiles/" + target.username() + "/follow";
    while (writes < 300 && (writes % 2 == 0 ? follower.post(follow, null)
        : follower.delete(follow)).status() == 200) {
      writes++;
    }
    // 60 a minute refill one a second
    assertThat(writes).isBetween(30, 30 + (int) secondsSince(started) + 1);
  }

  private static double secondsSince(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  private static int articlesBy(ApiClient api, String username) {
    return api.get("/api/articles?author=" + username).json().getInteger("articlesCount");
  }

  private static JsonObject comment(String body) {
    return new JsonObject().put("comment", new JsonObject().put("body", body));
  }
}
