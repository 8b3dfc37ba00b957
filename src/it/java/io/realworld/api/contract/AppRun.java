package io.realworld.api.contract;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/** One started process of the service: a JVM on this machine, or a container. */
interface AppRun extends AutoCloseable {

  /** Host and port on which this machine reaches the service's HTTP port. */
  String host();

  int port();

  /** Sends SIGTERM to the JVM, as a platform does before it stops an instance. */
  void terminate();

  /** The exit code, or empty when the process is still running after {@code timeout}. */
  OptionalInt awaitExit(Duration timeout);

  /** What the process wrote on stdout so far, line by line (the image's launcher lines too). */
  List<String> stdout();

  List<String> stderr();

  /** What the application itself wrote on stdout: every line is one JSON event. */
  default List<String> applicationStdout() {
    return LaunchOutput.application(stdout());
  }

  /** stderr without the JVM's echo of the launcher's JAVA_TOOL_OPTIONS. */
  default List<String> applicationStderr() {
    return LaunchOutput.applicationErrors(stderr());
  }

  /** {@code /proc/<pid>/status} of the JVM: its user, its PID in its own namespace. */
  String jvmProcessStatus();

  /** Runs a command as the service's user, next to it; returns its exit code. */
  int runAsServiceUser(String... command);

  /** The folder the application's files are in, as the service sees it. */
  String applicationDirectory();

  /** Stops the process if it still runs, and frees what it used. */
  @Override
  void close();
}
