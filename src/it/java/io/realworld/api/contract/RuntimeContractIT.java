package io.realworld.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;

/** The running service, watched from outside: health, its log stream, and what it never says. */
@DisplayNameGeneration(Sentences.class)
class RuntimeContractIT {

  private final AppRun app = SharedService.running();

  @Test
  void healthLiveAndReadyAnswer200WithARealPostgresql() {
    for (String path : List.of("/api/v1/health", "/api/v1/health/live", "/api/v1/health/ready")) {
      HttpResponse<String> response = Http.get(app, path);

      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(new JsonObject(response.body()).getString("status")).as(path).isEqualTo("UP");
    }
  }

  @Test
  void afterTheLaunchersKnownLinesEveryStdoutLineIsOneJsonEventAndStderrHoldsNothingOfTheApplication() {
    Http.get(app, "/api/v1/health/live");
    Http.get(app, "/no/such/page");

    List<String> stdout = app.applicationStdout();
    assertThat(stdout).isNotEmpty();
    for (String line : stdout) {
      JsonObject event = json(line);
      assertThat(event.fieldNames()).as(line)
          .contains("timestamp", "level", "logger", "message");
      assertThat(event.getString("timestamp")).as(line)
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    }
    assertThat(app.applicationStderr()).isEmpty();
  }

  @Test
  void everyRequestIsLoggedWithMethodPathStatusDurationAndRequestIdButNotItsQuery() {
    String requestId = Canaries.runtime("request");

    Http.get(app, "/api/v1/health/live?token=" + SharedService.JWT_SECRET,
        Map.of("X-Request-Id", requestId));

    JsonObject access = awaitLogEvent(requestId);
    assertThat(access.getString("method")).isEqualTo("GET");
    assertThat(access.getString("path")).isEqualTo("/api/v1/health/live");
    assertThat(access.getInteger("status")).isEqualTo(200);
    assertThat(access.getValue("durationMs")).isInstanceOf(Number.class);
  }

  /** Events leave through an asynchronous appender, in batches: none may be lost or held back. */
  @Test
  void aBurstOfParallelRequestsLeavesOneAccessLogEventEachAndNoneIsHeldBack() {
    String burst = Canaries.runtime("burst");
    List<String> requestIds = IntStream.range(0, 400).mapToObj(i -> burst + "-" + i).toList();

    requestIds.parallelStream().forEach(requestId -> assertThat(
        Http.get(app, "/api/v1/health/live", Map.of("X-Request-Id", requestId)).statusCode())
        .isEqualTo(200));

    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    Set<String> logged = Set.of();
    while (logged.size() < requestIds.size() && System.nanoTime() < deadline) {
      Http.pause(Duration.ofMillis(50));
      logged = app.applicationStdout().stream().map(RuntimeContractIT::json)
          .map(event -> event.getString("requestId", ""))
          .filter(id -> id.startsWith(burst + "-")).collect(Collectors.toSet());
    }
    assertThat(logged).containsExactlyInAnyOrderElementsOf(requestIds);
  }

  @Test
  void anIncomingRequestIdIsEchoedAndAMissingOneIsGenerated() {
    String requestId = Canaries.runtime("echo");

    assertThat(Http.get(app, "/api/v1/health/live", Map.of("X-Request-Id", requestId))
        .headers().firstValue("X-Request-Id")).hasValue(requestId);
    assertThat(Http.get(app, "/api/v1/health/live").headers().firstValue("X-Request-Id"))
        .hasValueSatisfying(generated -> assertThat(generated).isNotBlank());
  }

  @Test
  void noSecretReachesStdoutOrStderrNotEvenFromTokensAndPasswordsItWasSent() {
    String token = Canaries.runtime("token");
    String password = Canaries.runtime("password");
    Http.send(app, "POST", "/api/users/login",
        "{\"user\":{\"email\":\"canary@example.com\",\"password\":\"" + password + "\"}}",
        Map.of("Authorization", "Token " + token, "Content-Type", "application/json"));
    Http.get(app, "/api/user", Map.of("Authorization", "Token " + token));

    List<String> secrets = List.of(SharedService.JWT_SECRET,
        AppTarget.current().databasePassword(), token, password);
    assertThat(app.stdout()).as("stdout").isNotEmpty()
        .allSatisfy(line -> assertThat(line).doesNotContain(secrets));
    assertThat(app.stderr()).as("stderr")
        .allSatisfy(line -> assertThat(line).doesNotContain(secrets));
  }

  /** The access-log event of the request with this id; it is written when the response ends. */
  private JsonObject awaitLogEvent(String requestId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<JsonObject> event = app.applicationStdout().stream().map(RuntimeContractIT::json)
          .filter(candidate -> requestId.equals(candidate.getString("requestId")))
          .findFirst();
      if (event.isPresent()) {
        return event.get();
      }
      Http.pause(Duration.ofMillis(50));
    }
    throw new AssertionError("no access-log event with requestId " + requestId);
  }

  private static JsonObject json(String line) {
    try {
      return new JsonObject(line);
    } catch (RuntimeException e) {
      throw new AssertionError("not a JSON event: " + line, e);
    }
  }
}
