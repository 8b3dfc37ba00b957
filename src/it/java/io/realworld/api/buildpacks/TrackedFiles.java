package io.realworld.api.buildpacks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The files git tracks in this project: the source a user hands to pack. */
final class TrackedFiles {

  private TrackedFiles() {
  }

  /** Skips the calling test (not passes it) outside a git checkout, e.g. in an unpacked archive. */
  static List<String> list() {
    try {
      Process git = new ProcessBuilder("git", "ls-files", "-z")
          .directory(Buildpack.PROJECT.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assumeTrue(git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0,
          "not a git checkout: the tracked files are unknown");
      return Arrays.stream(output.split("\0")).filter(name -> !name.isEmpty()).toList();
    } catch (IOException e) {
      assumeTrue(false, "git is not installed: " + e.getMessage());
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
