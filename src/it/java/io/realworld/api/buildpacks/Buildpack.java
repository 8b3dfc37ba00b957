package io.realworld.api.buildpacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one of the project's buildpacks ({@code buildpacks/<name>/bin/detect|build}) the way the
 * lifecycle does: in the application directory, from an empty environment plus HOME, PATH, the
 * {@code CNB_*} variables, every {@code <platform>/env/NAME} file exported as a variable, and the
 * positional arguments layers, platform and plan [docs/buildpacks.md "Writing our own buildpacks"].
 */
final class Buildpack {

  static final Path PROJECT = Path.of("").toAbsolutePath();

  private final Path directory;

  private Buildpack(Path directory) {
    this.directory = directory;
  }

  static Buildpack named(String name) {
    return new Buildpack(PROJECT.resolve("buildpacks").resolve(name));
  }

  /** What a run printed (stdout and stderr together, as the build log shows them) and its exit code. */
  record Run(int exitCode, String output) {
  }

  /** A throwaway CNB layout around an application directory, and the PATH its phases run with. */
  record Layout(Path app, Path layers, Path platform, Path plan, String path) {

    private static final String SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin";

    static Layout in(Path root) {
      try {
        Layout layout = new Layout(root.resolve("workspace"), root.resolve("layers"),
            root.resolve("platform"), root.resolve("plan.toml"), SYSTEM_PATH);
        Files.createDirectories(layout.app);
        Files.createDirectories(layout.layers);
        Files.createDirectories(layout.platform.resolve("env"));
        Files.writeString(layout.plan, "");
        return layout;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** A build-time variable, as project.toml's build env or {@code pack --env} provides it. */
    Layout withBuildVariable(String name, String value) {
      write(platform.resolve("env").resolve(name), value);
      return this;
    }

    /** A build whose PATH has every command of this machine but java and jar. */
    Layout withoutJava() {
      Path bin = app.getParent().resolve("bin-without-java");
      try {
        Files.createDirectories(bin);
        for (String dir : SYSTEM_PATH.split(":")) {
          try (Stream<Path> commands = Files.list(Path.of(dir))) {
            for (Path command : commands.toList()) {
              String name = command.getFileName().toString();
              if (!name.equals("java") && !name.equals("jar") && Files.notExists(bin.resolve(name))) {
                Files.createSymbolicLink(bin.resolve(name), command);
              }
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Layout(app, layers, platform, plan, bin.toString());
    }

    /** A file of the application, relative to its directory. */
    Layout withFile(String relativePath, String content) {
      write(app.resolve(relativePath), content);
      return this;
    }

    private static void write(Path file, String content) {
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  Run detect(Layout layout) {
    return run("detect", layout, Map.of("CNB_BUILD_PLAN_PATH", layout.plan().toString()));
  }

  Run build(Layout layout) {
    return run("build", layout, Map.of(
        "CNB_LAYERS_DIR", layout.layers().toString(),
        "CNB_BP_PLAN_PATH", layout.plan().toString()));
  }

  private Run run(String phase, Layout layout, Map<String, String> phaseVariables) {
    ProcessBuilder builder = new ProcessBuilder(List.of(
        directory.resolve("bin").resolve(phase).toString(),
        layout.layers().toString(), layout.platform().toString(), layout.plan().toString()))
        .directory(layout.app().toFile())
        .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("HOME", layout.app().getParent().toString());
    env.put("PATH", layout.path());
    env.put("CNB_PLATFORM_DIR", layout.platform().toString());
    env.put("CNB_BUILDPACK_DIR", directory.toString());
    env.put("CNB_TARGET_OS", "linux");
    env.put("CNB_TARGET_ARCH", "amd64");
    env.putAll(phaseVariables);
    env.putAll(buildVariables(layout.platform()));
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("bin/" + phase + " did not finish within 60 s:\n" + output);
      }
      return new Run(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running bin/" + phase, e);
    }
  }

  private static Map<String, String> buildVariables(Path platform) {
    try (Stream<Path> files = Files.list(platform.resolve("env"))) {
      return files.collect(Collectors.toMap(
          file -> file.getFileName().toString(), Buildpack::read));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
