package io.realworld.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.RawConnection;
import io.realworld.api.support.TestApp;
import io.realworld.api.support.TestArticles;
import io.realworld.api.support.TestUsers;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated hostile requests over every endpoint, from a fixed seed (rerun one with
 * {@code -Dfuzz.seed=N}, more with {@code -Dfuzz.requests=N}): malformed JSON, wrong types, deep
 * nesting, huge strings and arrays, invalid UTF-8, unicode edge cases, injection payloads, absurd
 * paging, path traversal, duplicate keys, broken tokens. Every answer must be below 500, an
 * error must be exactly the spec's format with nothing internal in it, and the service must be
 * healthy afterwards.
 */
class HostileInputTest {

  private static final long SEED = Long.getLong("fuzz.seed", 20_240_601L);
  /** Twice the longest request line the server reads (4 KB): an answer before any body is read. */
  private static final int FAR_BEYOND_THE_REQUEST_LINE_LIMIT = 8192;
  private static final int REQUESTS = Integer.getInteger("fuzz.requests", 3_000);
  /** What a stack trace, an exception message or a database error would put in an answer. */
  private static final Pattern INTERNALS = Pattern.compile(
      "Exception|\\bat (io|java|org|com)\\.|io\\.vertx|io\\.netty|io\\.realworld|org\\.postgresql"
          + "|com\\.fasterxml|SQLSTATE|\\bsyntax error\\b|\\brelation \"|\\bcolumn \"|Caused by");
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl = TestApp.baseUrl();

  @Test
  void noHostileRequestGetsA5xxOrSeesInternals() {
    var user = TestUsers.create();
    String slug = TestArticles.create(user, ApiClient.unique("fuzz target")).getString("slug");
    HostileRequests generator = new HostileRequests(new Random(SEED), user.username(), slug,
        user.token());
    Map<Integer, Integer> byStatus = new TreeMap<>();
    Map<String, Integer> byKind = new TreeMap<>();
    List<String> breaches = new ArrayList<>();

    long start = System.nanoTime();
    for (int i = 0; i < REQUESTS; i++) {
      HostileRequests.Request request = generator.next();
      byKind.merge(request.kind(), 1, Integer::sum);
      Answer answer = send(request);
      byStatus.merge(answer.status(), 1, Integer::sum);
      String problem = judge(answer);
      if (problem != null && breaches.size() < 20) {
        breaches.add("#" + i + " " + request + " -> " + answer.status() + ": " + problem);
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;

    System.out.printf("hostile input: %d requests in %d ms (seed %d)%n  by kind: %s%n"
        + "  by status: %s%n", REQUESTS, millis, SEED, byKind, byStatus);
    assertThat(breaches).as("requests answered with a 5xx or internals").isEmpty();
    assertThat(byStatus.keySet()).as("the suite reached the handlers, not just the router")
        .contains(200, 400, 401, 404, 422);
    assertThat(TestApp.client().get("/api/v1/health/ready").status()).isEqualTo(200);
    // the fuzzed PUT /api/user bodies include valid password changes, which revoke the user's
    // token: the account must still be served under a token at its current version
    assertThat(TestUsers.freshApi(user).get("/api/user").status()).isEqualTo(200);
  }

  /** Null when the answer is acceptable, otherwise what is wrong with it. */
  private static String judge(Answer answer) {
    int status = answer.status();
    String body = answer.body();
    if (status >= 500) {
      return "server error " + body;
    }
    if (status < 400) {
      return null;
    }
    if (INTERNALS.matcher(body).find()) {
      return "internal detail in " + body;
    }
    try {
      JsonObject json = new JsonObject(body);
      JsonObject errors = json.getJsonObject("errors");
      boolean wellFormed = json.size() == 1 && errors != null && !errors.isEmpty()
          && errors.stream().allMatch(field -> field.getValue() instanceof io.vertx.core.json.JsonArray
              messages && !messages.isEmpty() && messages.stream().allMatch(String.class::isInstance));
      return wellFormed ? null : "not the error format: " + body;
    } catch (RuntimeException e) {
      return "not JSON: " + body;
    }
  }

  private record Answer(int status, String body) {
  }

  private Answer send(HostileRequests.Request request) {
    URI uri;
    try {
      uri = URI.create(baseUrl + request.path());
    } catch (IllegalArgumentException unparseable) {
      return sendRaw(request);
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .method(request.method(), request.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    if (request.body() != null) {
      builder.header("Content-Type", "application/json");
    }
    if (request.authorization() != null) {
      builder.header("Authorization", request.authorization());
    }
    try {
      HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      if (request.body() != null && request.path().length() > FAR_BEYOND_THE_REQUEST_LINE_LIMIT) {
        // The server answers 414 to the request line and closes without reading the body; a
        // client still sending the body may get a reset that discards the answer. The same head
        // without the body must get its answer, which is checked like any other.
        return send(new HostileRequests.Request(request.kind(), request.method(), request.path(),
            null, request.authorization()));
      }
      throw new AssertionError("no answer to " + request, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** For a path that java.net.URI refuses (a bare %, %zz...): by hand, on a connection of its own. */
  private Answer sendRaw(HostileRequests.Request request) {
    byte[] body = request.body() == null ? new byte[0] : request.body();
    String head = request.method() + " " + request.path() + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Connection: close\r\nContent-Type: application/json\r\nContent-Length: " + body.length
        + "\r\n" + (request.authorization() == null ? "" : "Authorization: " + request.authorization()
        + "\r\n") + "\r\n";
    try (RawConnection connection = RawConnection.open(URI.create(baseUrl).getPort())) {
      connection.send(head);
      connection.send(body);
      String response = connection.readResponse(Duration.ofSeconds(30));
      return new Answer(Integer.parseInt(response.substring(9, 12)),
          response.substring(response.indexOf("\r\n\r\n") + 4));
    }
  }
}
