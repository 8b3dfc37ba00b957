package io.realworld.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;

/** Small services go into small containers: the image must fit one with its own defaults. */
@DisplayNameGeneration(Sentences.class)
class SmallContainerContractIT {

  private static final long MIB = 1024 * 1024;
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  private final AppTarget target = AppTarget.current();

  @Test
  void theImageStartsAndServesInAContainerOf256MibWithItsOwnMemoryDefaults() {
    assumeTrue(target.image().isPresent(), "process mode runs the jar, not the image: only the"
        + " image shows what its own memory defaults fit into");
    // 20 sign-ups from one address in a row: over SIGNUP_RATE_PER_CLIENT's burst of 10
    Map<String, String> env = SharedService.validEnvironment();
    env.put("SIGNUP_RATE_PER_CLIENT", "1000,1000");
    try (AppRun app = target.image().orElseThrow().startLimitedTo(256 * MIB, env)) {
      Http.awaitReady(app, SharedService.READY_TIMEOUT);

      // sign-ups hash passwords, the request that needs the most memory, then reads
      String run = Long.toString(System.nanoTime(), 36);
      for (int i = 0; i < 20; i++) {
        String name = "small" + run + i;
        assertThat(Http.send(app, "POST", "/api/users", "{\"user\":{\"username\":\"" + name
            + "\",\"email\":\"" + name + "@example.com\",\"password\":\"correct horse " + i
            + "\"}}", JSON).statusCode()).as("sign-up " + i).isEqualTo(201);
      }
      for (int i = 0; i < 200; i++) {
        assertThat(Http.get(app, "/api/articles?limit=20").statusCode()).as("read " + i)
            .isEqualTo(200);
      }

      assertThat(Http.get(app, "/api/v1/health/live").statusCode()).isEqualTo(200);
      assertThat(app.awaitExit(Duration.ZERO)).as("exit code (an OOM kill ends the container)")
          .isEmpty();
      assertThat(app.stdout()).as("the memory calculator sized the JVM for the limit")
          .anySatisfy(line -> assertThat(line).startsWith("Calculated JVM Memory Configuration:")
              .contains("Total Memory: 256M"));
    }
  }
}
