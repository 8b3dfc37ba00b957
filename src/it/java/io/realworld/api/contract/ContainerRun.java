package io.realworld.api.contract;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.output.OutputFrame.OutputType;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * The service as a container of the image. Started without any wait: a bad configuration must be
 * seen exiting, and the checks wait for readiness themselves, over HTTP, as platforms do.
 */
final class ContainerRun implements AppRun {

  private static final long NO_LIMITS = 0;
  private static final long TWO_CPUS = 2_000_000_000L;
  private final GenericContainer<?> container;

  private ContainerRun(GenericContainer<?> container) {
    this.container = container;
  }

  /** {@code entrypoint} null: the image's default process. */
  static ContainerRun start(String image, Network network, String entrypoint,
      Map<String, String> env, String... command) {
    return start(image, network, entrypoint, env, NO_LIMITS, command);
  }

  /** The same with a memory limit (bytes, 0 for none) and 2 CPUs. */
  static ContainerRun start(String image, Network network, String entrypoint,
      Map<String, String> env, long memoryBytes, String... command) {
    GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
        .withNetwork(network)
        .withExposedPorts(ContainerTarget.HTTP_PORT)
        .withEnv(env)
        .withStartupCheckStrategy(new StartedIsEnough())
        .waitingFor(new NoWait());
    if (entrypoint != null) {
      container.withCreateContainerCmdModifier(create -> create.withEntrypoint(entrypoint));
    }
    if (memoryBytes != NO_LIMITS) {
      container.withCreateContainerCmdModifier(create -> create.getHostConfig()
          .withMemory(memoryBytes).withMemorySwap(memoryBytes).withNanoCPUs(TWO_CPUS));
    }
    if (command.length > 0) {
      container.withCommand(command);
    }
    container.start();
    return new ContainerRun(container);
  }

  @Override
  public String host() {
    return container.getHost();
  }

  @Override
  public int port() {
    return container.getMappedPort(ContainerTarget.HTTP_PORT);
  }

  @Override
  public void terminate() {
    docker().killContainerCmd(container.getContainerId()).withSignal("TERM").exec();
  }

  @Override
  public OptionalInt awaitExit(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      InspectContainerResponse.ContainerState state =
          docker().inspectContainerCmd(container.getContainerId()).exec().getState();
      if (!Boolean.TRUE.equals(state.getRunning())) {
        return OptionalInt.of(state.getExitCodeLong().intValue());
      }
      if (System.nanoTime() > deadline) {
        return OptionalInt.empty();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  @Override
  public List<String> stdout() {
    return container.getLogs(OutputType.STDOUT).lines().toList();
  }

  @Override
  public List<String> stderr() {
    return container.getLogs(OutputType.STDERR).lines().toList();
  }

  @Override
  public String jvmProcessStatus() {
    // The launcher execs the JVM: it is PID 1 of the container.
    return exec("cat", "/proc/1/status").getStdout();
  }

  @Override
  public int runAsServiceUser(String... command) {
    return exec(command).getExitCode();
  }

  @Override
  public String applicationDirectory() {
    return "/workspace";
  }

  @Override
  public void close() {
    container.stop();
  }

  private org.testcontainers.containers.Container.ExecResult exec(String... command) {
    try {
      return container.execInContainer(command);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private DockerClient docker() {
    return container.getDockerClient();
  }

  private static final class StartedIsEnough extends StartupCheckStrategy {
    @Override
    public StartupStatus checkStartupState(DockerClient docker, String containerId) {
      return StartupStatus.SUCCESSFUL;
    }
  }

  private static final class NoWait extends AbstractWaitStrategy {
    @Override
    protected void waitUntilReady() {
      // readiness is what the checks themselves look at
    }
  }
}
