package io.realworld.api.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** The service as a process of this machine; its output goes to files, never to a full pipe. */
final class ProcessRun implements AppRun {

  private final Process process;
  private final int port;
  private final Path stdout;
  private final Path stderr;
  private final ProcessTarget target;

  ProcessRun(Process process, int port, Path stdout, Path stderr, ProcessTarget target) {
    this.process = process;
    this.port = port;
    this.stdout = stdout;
    this.stderr = stderr;
    this.target = target;
  }

  @Override
  public String host() {
    return "127.0.0.1";
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public void terminate() {
    jvm().destroy(); // SIGTERM on Linux
  }

  @Override
  public OptionalInt awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
          ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<String> stdout() {
    return lines(stdout);
  }

  @Override
  public List<String> stderr() {
    return lines(stderr);
  }

  @Override
  public String jvmProcessStatus() {
    try {
      return Files.readString(Path.of("/proc", Long.toString(jvm().pid()), "status"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public int runAsServiceUser(String... command) {
    return target.runAsServiceUser(command);
  }

  @Override
  public String applicationDirectory() {
    return target.applicationDirectory();
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(10));
  }

  /** The JVM itself: the process started, or (in a PID namespace) the java process under it. */
  private ProcessHandle jvm() {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (isJava(process.toHandle())) {
        return process.toHandle();
      }
      var java = process.descendants().filter(ProcessRun::isJava).findFirst();
      if (java.isPresent()) {
        return java.get();
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the service exited with " + process.exitValue());
      }
      pause();
    }
    throw new IllegalStateException("no java process under " + process.pid());
  }

  private static boolean isJava(ProcessHandle handle) {
    return handle.info().command().map(command -> command.endsWith("/java")).orElse(false);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
