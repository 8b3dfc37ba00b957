package io.realworld.api.buildpacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every shell script is shellcheck-clean: the buildpacks' bin/ phases and the lib/ they source,
 * scripts/ (the README promises it) and .ci/run. Skipped (reported as skipped, never passed) where
 * shellcheck is not installed: {@code apt-get install -y shellcheck} (.ci/run installs it).
 */
class BuildpackScriptsShellcheckIT {

  @Test
  void buildpack_scripts_are_shellcheck_clean() throws IOException, InterruptedException {
    assumeTrue(shellcheckInstalled(), "shellcheck is not installed");
    // -x follows the libraries the phases source, which are checked as they are used
    List<String> command = new ArrayList<>(List.of("shellcheck", "-x", "--severity=style"));
    try (Stream<Path> files = Files.walk(Buildpack.PROJECT.resolve("buildpacks"))) {
      files.filter(file -> List.of("bin", "lib").contains(file.getParent().getFileName().toString()))
          .forEach(file -> command.add(file.toString()));
    }
    try (Stream<Path> files = Files.walk(Buildpack.PROJECT.resolve("scripts"))) {
      files.filter(file -> file.toString().endsWith(".sh"))
          .forEach(file -> command.add(file.toString()));
    }
    command.add(Buildpack.PROJECT.resolve(".ci/run").toString());
    assertThat(command).hasSizeGreaterThanOrEqualTo(3 + 4 + 10);

    // run from the project: scripts source their libraries by paths relative to it
    Process shellcheck = new ProcessBuilder(command).directory(Buildpack.PROJECT.toFile())
        .redirectErrorStream(true).start();
    String report = new String(shellcheck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(shellcheck.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(shellcheck.exitValue()).as(report).isZero();
  }

  private static boolean shellcheckInstalled() {
    try {
      return new ProcessBuilder("shellcheck", "--version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
