package io.realworld.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.RawConnection;
import io.realworld.api.support.TestApp;
import io.realworld.api.support.TestArticles;
import io.realworld.api.support.TestUsers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link HostileInputTest} found, pinned: NUL and lone surrogates (500 from PostgreSQL, or
 * silently altered), undecodable path parameters (a plain-text 400 from the router), and the
 * injection payloads that must come back exactly as sent.
 */
class HostileInputRegressionTest {

  private static final List<String> PAYLOADS = List.of(
      "'; DROP TABLE users; --", "\" OR \"1\"=\"1", "1' OR '1'='1' --", "$1", "%s%n",
      "${jndi:ldap://127.0.0.1/a}", "<script>alert(1)</script>", "\",\"admin\":true,\"x\":\"",
      "{\"$ne\": null}", "\\", "\u202eevil\u202c", "zero\u200bwidth", "\ud83d\ude00 emoji",
      "مرحبا", "\ufeffbom");

  private final TestUsers.TestUser author = TestUsers.create();

  @Test
  void injectionPayloadsAreStoredAndReturnedAsPlainText() {
    for (String payload : PAYLOADS) {
      var created = author.api().post("/api/articles", new JsonObject().put("article",
          new JsonObject().put("title", ApiClient.unique("t") + payload).put("description", payload)
              .put("body", payload).put("tagList", new JsonArray().add(payload))));
      assertThat(created.status()).as(payload).isEqualTo(201);
      String slug = created.json().getJsonObject("article").getString("slug");

      JsonObject article = author.api().get("/api/articles/" + slug).json().getJsonObject("article");
      assertThat(article.getString("description")).isEqualTo(payload);
      assertThat(article.getString("body")).isEqualTo(payload);
      assertThat(article.getJsonArray("tagList").getList()).containsExactly(payload.strip());

      var comment = author.api().post("/api/articles/" + slug + "/comments",
          new JsonObject().put("comment", new JsonObject().put("body", payload)));
      assertThat(comment.status()).isEqualTo(201);
      assertThat(comment.json().getJsonObject("comment").getString("body")).isEqualTo(payload);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0000", "before\u0000after", "\ud800", "lone \udfff low", "x\ud83dy"})
  void nulAndUnpairedSurrogatesInABodyAre422(String text) {
    String slug = TestArticles.create(author, ApiClient.unique("target")).getString("slug");

    // escaped by hand: an encoder would replace a lone surrogate with '?' before it is sent
    var comment = author.api().send("POST", "/api/articles/" + slug + "/comments",
        "{\"comment\":{\"body\":\"" + escaped(text) + "\"}}");
    var article = author.api().send("POST", "/api/articles", "{\"article\":{\"title\":\""
        + ApiClient.unique("t") + "\",\"description\":\"d\",\"body\":\"b\",\"tagList\":[\""
        + escaped(text) + "\"]}}");

    assertThat(comment.status()).isEqualTo(422);
    assertThat(comment.json().getJsonObject("errors").fieldNames()).containsExactly("body");
    assertThat(article.status()).isEqualTo(422);
    assertThat(article.json().getJsonObject("errors").fieldNames()).containsExactly("tagList");
  }

  private static String escaped(String text) {
    StringBuilder json = new StringBuilder();
    text.chars().forEach(c -> json.append(c < 0x20 || c > 0x7e
        ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return json.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/articles/%00", "/api/profiles/a%00b", "/api/articles?tag=%00",
      "/api/articles?favorited=x%00"})
  void nulInThePathOrQueryIs400(String path) {
    var response = author.api().get(path);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().getJsonObject("errors").getJsonArray("uri").getString(0))
        .isEqualTo("must not contain NUL characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/profiles/%", "/api/articles/%ZZ", "/api/articles/a%/comments"})
  void anUndecodablePathParameterIs400InTheErrorFormat(String path) {
    try (RawConnection connection = RawConnection.open(URI.create(TestApp.baseUrl()).getPort())) {
      connection.send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      String response = connection.readResponse(Duration.ofSeconds(5));

      assertThat(response).startsWith("HTTP/1.1 400");
      assertThat(response).endsWith("{\"errors\":{\"uri\":[\"is malformed\"]}}");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1_001, 10_000, 100_000})
  void deeplyNestedBodiesAre422WithoutOverflowingTheStack(int depth) {
    String body = "{\"article\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

    var response = author.api().send("POST", "/api/articles", body);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().getJsonObject("errors").getJsonArray("body").getString(0))
        .isEqualTo("is not valid JSON");
  }
}
