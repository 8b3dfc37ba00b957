package io.realworld.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;

/**
 * A start that fails after the configuration was accepted ends the process with exit code 1 and
 * says why in a JSON line, instead of leaving a JVM that serves nothing (Vert.x's threads keep it
 * alive): the platform sees the crash and restarts or reports it.
 */
@DisplayNameGeneration(Sentences.class)
class StartFailureContractIT {

  private final AppTarget target = AppTarget.current();

  @Test
  void aPortAlreadyInUseEndsTheProcessWithExit1AndAnErrorLine() throws IOException {
    assumeTrue(target.image().isEmpty(),
        "a container has a network of its own: no port inside it can be taken from outside");
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
      Map<String, String> env = SharedService.validEnvironment();
      env.put("PORT", Integer.toString(taken.getLocalPort()));

      try (AppRun app = target.start(env)) {
        OptionalInt exit = app.awaitExit(Duration.ofSeconds(30));

        assertThat(exit).as("exit code (stdout: %s)", app.stdout()).hasValue(1);
        assertThat(app.applicationStdout()).allSatisfy(line -> new JsonObject(line))
            .anySatisfy(line -> {
              JsonObject event = new JsonObject(line);
              assertThat(event.getString("level")).isEqualTo("ERROR");
              assertThat(event.getString("message")).startsWith("web failed")
                  .contains("Address already in use");
            });
      }
    }
  }
}
