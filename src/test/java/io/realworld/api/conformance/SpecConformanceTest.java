package io.realworld.api.conformance;

import static io.realworld.api.conformance.Conformance.assertErrorModel;
import static io.realworld.api.conformance.Conformance.wrap;
import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.TestApp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the RealWorld spec v2.0.0 (realworld-apps/realworld api/openapi.yml) promises beyond the
 * public suites:
 * every answer is JSON in the GenericErrorModel when it is an error, with a status the operation
 * documents, also for paths and methods the spec does not have.
 */
class SpecConformanceTest {

  private final ApiClient api = Conformance.hurl();

  @ParameterizedTest
  @ValueSource(strings = {"/api", "/api/", "/api/nothing-here", "/api/users/unknown",
      "/api/articles/some-slug/unknown", "/api/articles/some-slug/comments/1/extra",
      "/api/profiles/someone/follow/extra", "/api/tags/extra", "/api/v2/articles"})
  void unknownRoutesAre404InTheErrorFormat(String path) {
    assertErrorModel(api.get(path), 404);
    assertErrorModel(api.post(path, "{}"), 404);
  }

  @ParameterizedTest
  @CsvSource({"DELETE,/api/users", "GET,/api/users", "GET,/api/users/login",
      "PATCH,/api/user", "POST,/api/user", "DELETE,/api/user", "PUT,/api/profiles/someone",
      "GET,/api/profiles/someone/follow", "PUT,/api/articles", "POST,/api/articles/feed",
      "PATCH,/api/articles/some-slug", "GET,/api/articles/some-slug/favorite",
      "PUT,/api/articles/some-slug/comments", "GET,/api/articles/some-slug/comments/1",
      "POST,/api/tags", "DELETE,/api/tags"})
  void methodsTheSpecDoesNotHaveAre404Or405InTheErrorFormat(String method, String path) {
    ApiClient.Response response = api.send(method, path, "{}");

    assertThat(response.status()).as(response.body()).isIn(404, 405);
    assertErrorModel(response, response.status());
  }

  // The spec documents 422 (GenericError) for invalid input and no 400: a body that is not the
  // wrapped JSON object an operation takes is one more kind of invalid input.
  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "[]", "42", "{\"user\": ", "{}", "{\"user\": []}",
      "{\"user\": \"x\"}"})
  void bodiesThatAreNotTheWrappedObjectAre422(String body) {
    assertErrorModel(api.send("POST", "/api/users", body), 422);
    assertErrorModel(api.send("POST", "/api/users/login", body), 422);
  }

  // java.net.http refuses to send these, so they go out as raw HTTP/1.1
  @ParameterizedTest
  @ValueSource(strings = {"/api/profiles/%", "/api/profiles/%zz", "/api/articles/%E0%A4%A",
      "/api/articles?tag=%zz", "/api/articles?limit=%", "/api/profiles/a%00b"})
  void malformedUrlsAreAnsweredInTheErrorFormat(String path) throws IOException {
    RawResponse response = rawGet(path);

    assertThat(response.status()).as(response.text()).isBetween(400, 499);
    assertThat(response.text()).containsIgnoringCase("content-type: application/json")
        .contains("{\"errors\":{");
  }

  // PostgreSQL cannot store U+0000; it is the client's input, so 422 (documented), not 500
  @Test
  void nulCharactersInBodiesAre422() {
    ApiClient author = api.withToken(Conformance.register(api, "nul_" + Conformance.uid()));

    assertErrorModel(api.post("/api/users", Conformance.user("nul\u0000" + Conformance.uid(),
        "nul" + Conformance.uid() + "@test.com", Conformance.PASSWORD)), 422);
    assertErrorModel(author.post("/api/articles", wrap("article",
        "title", "Nul \u0000", "description", "d", "body", "b")), 422);
    assertErrorModel(author.put("/api/user", wrap("user", "bio", "a\u0000b")), 422);
  }

  @ParameterizedTest
  @ValueSource(strings = {"limit=0", "limit=-1", "limit=abc", "offset=-1", "offset=x",
      "limit=1.5", "limit=99999999999999999999"})
  void invalidPagingIs422(String query) {
    assertErrorModel(api.get("/api/articles?" + query), 422);
  }

  // Every operation that requires a token documents 401 with {"errors": {"token": [...]}}: a
  // token in another scheme or a forged one is refused like a missing one, with the same error key.
  @ParameterizedTest
  @ValueSource(strings = {"Bearer abc.def.ghi", "Token abc.def.ghi", "Token ", "abc"})
  void badTokensAre401WithTheTokenKeyWhereAuthIsRequired(String authorization) {
    for (String path : List.of("/api/user", "/api/articles/feed")) {
      ApiClient.Response response = api.withHeader("Authorization", authorization).get(path);
      assertErrorModel(response, 401);
      assertThat(response.json().getJsonObject("errors").fieldNames()).containsExactly("token");
    }
  }

  // The operations without a security requirement that read a token when there is one ("Auth is
  // optional"): the spec allows 401 or the anonymous answer for a bad token; the frontends log out
  // on any 401, so it is the anonymous answer, with RFC 6750's invalid_token challenge.
  @ParameterizedTest
  @ValueSource(strings = {"Bearer abc.def.ghi", "Token abc.def.ghi", "Token ", "abc"})
  void badTokensAreServedAsAnonymousWhereAuthIsOptional(String authorization) {
    String username = "opt_" + Conformance.uid();
    ApiClient author = api.withToken(Conformance.register(api, username));
    String slug = Conformance.createArticle(author, "Optional " + Conformance.uid());
    for (String path : List.of("/api/articles?author=" + username, "/api/articles/" + slug,
        "/api/articles/" + slug + "/comments", "/api/profiles/" + username)) {
      ApiClient.Response anonymous = api.get(path);
      ApiClient.Response response = api.withHeader("Authorization", authorization).get(path);
      assertThat(response.status()).as(path).isEqualTo(anonymous.status());
      assertThat(response.body()).as(path).isEqualTo(anonymous.body());
      assertThat(response.header("WWW-Authenticate")).as(path)
          .isEqualTo("Token error=\"invalid_token\"");
    }
  }

  // POST /users documents 201 (not 200) and a User with null bio and image
  @Test
  void registrationIs201() {
    String username = "reg_" + Conformance.uid();
    ApiClient.Response response = api.post("/api/users",
        Conformance.user(username, username + "@test.com", Conformance.PASSWORD));
    Conformance.assertUser(response, 201);
    assertThat(response.header("content-type")).startsWith("application/json");
  }

  // PUT /user documents 200 and 422; "At least one field is required"
  @Test
  void anEmptyUpdateIsAnsweredAsDocumented() {
    ApiClient me = api.withToken(Conformance.register(api, "empty_" + Conformance.uid()));

    ApiClient.Response response = me.put("/api/user", wrap("user"));

    assertThat(response.status()).as(response.body()).isIn(200, 422);
    if (response.status() == 422) {
      assertErrorModel(response, 422);
    } else {
      Conformance.assertUser(response, 200);
    }
  }

  // DELETE /articles/{slug}, DELETE comments: 204 with no body at all
  @Test
  void deletesAre204WithoutABody() {
    ApiClient author = api.withToken(Conformance.register(api, "del_" + Conformance.uid()));
    String slug = Conformance.createArticle(author, "Deleted " + Conformance.uid());
    long comment = author.post("/api/articles/" + slug + "/comments",
        wrap("comment", "body", "bye")).json().getJsonObject("comment").getLong("id");

    ApiClient.Response deletedComment =
        author.delete("/api/articles/" + slug + "/comments/" + comment);
    ApiClient.Response deletedArticle = author.delete("/api/articles/" + slug);

    assertThat(deletedComment.status()).isEqualTo(204);
    assertThat(deletedComment.body()).isEmpty();
    assertThat(deletedArticle.status()).isEqualTo(204);
    assertThat(deletedArticle.body()).isEmpty();
  }

  private static RawResponse rawGet(String target) throws IOException {
    URI base = URI.create(TestApp.baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getAuthority()
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new RawResponse(Integer.parseInt(text.substring(9, 12)), text);
    }
  }

  /** The status and the whole response as text: status line, headers and body. */
  private record RawResponse(int status, String text) {
  }
}
