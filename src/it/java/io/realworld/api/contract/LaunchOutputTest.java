package io.realworld.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The split between the launcher's lines and the application's, on lines a real image printed. A
 * unit test of a contract helper (*Test: surefire runs it; verify-prod reports only the *IT checks).
 */
class LaunchOutputTest {

  private static final String EVENT = "{\"timestamp\":\"2026-12-02T06:29:42.442Z\",\"message\":\"ready\"}";

  @Test
  void the_helpers_lines_before_the_first_event_are_the_launchers() {
    List<String> stdout = List.of(
        "Calculating JVM memory based on 23442584K available memory",
        "For more information on this calculation, see https://paketo.io/docs/reference/java-reference/#memory-calculator",
        "Calculated JVM Memory Configuration: -XX:MaxDirectMemorySize=10M -Xmx23061253K (Total Memory: 23442584K, Thread Count: 50, Loaded Class Count: 10674, Headroom: 0%)",
        "Disabling Java Native Memory Tracking",
        "Using readonly truststore: /tmp/truststore",
        "Adding 148 container CA certificates to JVM truststore",
        EVENT);

    assertThat(LaunchOutput.application(stdout)).containsExactly(EVENT);
  }

  @Test
  void an_unknown_line_and_every_line_after_the_first_event_stay_the_applications() {
    List<String> stdout = List.of("Starting the service", EVENT,
        "Disabling Java Native Memory Tracking");

    assertThat(LaunchOutput.application(stdout)).isEqualTo(stdout);
  }

  @Test
  void only_the_jvms_echo_of_java_tool_options_leaves_stderr() {
    List<String> stderr = List.of("Picked up JAVA_TOOL_OPTIONS: -XX:+ExitOnOutOfMemoryError",
        "Exception in thread \"main\" java.lang.IllegalStateException");

    assertThat(LaunchOutput.applicationErrors(stderr))
        .containsExactly("Exception in thread \"main\" java.lang.IllegalStateException");
  }
}
