package io.realworld.api.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.testcontainers.DockerClientFactory;

/** Chooses the target once per JVM from {@code -Dverify.target} ({@code process} or {@code image}). */
final class Targets {

  private static AppTarget current;

  private Targets() {
  }

  static synchronized AppTarget current() {
    if (current == null) {
      String target = System.getProperty("verify.target", "process");
      current = switch (target) {
        case "process" -> ProcessTarget.create();
        case "image" -> {
          assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
              "image mode needs a Docker engine, and none answers here");
          yield ContainerTarget.create();
        }
        default -> throw new IllegalArgumentException(
            "-Dverify.target must be process or image, not " + target);
      };
    }
    return current;
  }
}
