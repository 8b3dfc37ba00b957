package io.realworld.api.contract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the image writes before and beside the application. In an image the CNB launcher runs
 * libjvm's exec.d helpers before it execs the JVM, and they print plain-text lines on stdout that
 * no setting turns off (paketo-buildpacks/libjvm helper/*.go and certificate_loader.go, logged with
 * libpak's bard.Logger on stdout); HotSpot then prints {@code Picked up JAVA_TOOL_OPTIONS: ...} on
 * stderr, because the helpers pass their flags in that variable. The contract a log pipeline can
 * rely on: every line the application writes is one JSON event, and before the first of them
 * stdout holds only these known launcher lines (docs/image.md "Logs").
 */
final class LaunchOutput {

  /** The helpers' messages in libjvm 1.46.0, info and warning level. */
  private static final List<Pattern> LAUNCHER_LINES = List.of(
      "Calculating JVM memory based on \\S+ available memory",
      "For more information on this calculation, see https://paketo\\.io/docs/reference/java-reference/#memory-calculator",
      "Calculated JVM Memory Configuration: .*",
      "(Enabling|Disabling) Java Native Memory Tracking",
      "Adding \\d+ container CA certificates to JVM truststore",
      "Using readonly truststore: \\S+",
      "Setting Active Processor Count to \\d+",
      "JVM DNS caching disabled in favor of link-local DNS caching",
      "Adding Security Providers to JVM",
      "Adding \\$SECURITY_PROVIDERS_CLASSPATH to .*",
      "Adding \\$JAVA_OPTS to \\$JAVA_TOOL_OPTIONS",
      "Debugging enabled on address .*",
      "JMX enabled on port \\d+",
      "Enabling Java Flight Recorder with args: .*",
      "Enabling HeapDumpOnOutOfMemoryError",
      "Setting HeapDumpPath to .*",
      "WARNING: .*").stream().map(Pattern::compile).toList();

  private static final String PICKED_UP = "Picked up JAVA_TOOL_OPTIONS: ";

  private LaunchOutput() {
  }

  /** stdout without the launcher's leading lines: what the application itself wrote. */
  static List<String> application(List<String> stdout) {
    int first = 0;
    while (first < stdout.size() && isLauncherLine(stdout.get(first))) {
      first++;
    }
    return stdout.subList(first, stdout.size());
  }

  /** stderr without HotSpot's echo of JAVA_TOOL_OPTIONS, which only the image's helpers set. */
  static List<String> applicationErrors(List<String> stderr) {
    return stderr.stream().filter(line -> !line.startsWith(PICKED_UP)).toList();
  }

  static boolean isLauncherLine(String line) {
    return LAUNCHER_LINES.stream().anyMatch(pattern -> pattern.matcher(line).matches());
  }
}
