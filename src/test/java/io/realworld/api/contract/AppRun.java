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

  /** What the process wrote on stdout so far, line by line. */
  List<String> stdout();

  List<String> stderr();

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
