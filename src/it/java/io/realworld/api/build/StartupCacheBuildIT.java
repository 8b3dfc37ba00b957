package io.realworld.api.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * buildpacks/processes over the packaged jar in a layers folder shaped like a Paketo build's
 * (failsafe: it runs after package): the startup cache must be trained by the JRE of the JVM
 * buildpack's jre layer, which is what the image launches, whatever java comes first on PATH.
 */
class StartupCacheBuildIT {

  @TempDir
  Path root;

  @Test
  void theCacheIsTrainedWithTheJreLayerOfTheJvmBuildpack() throws Exception {
    Path layers = root.resolve("layers");
    Path jvmBuildpack = Files.createDirectories(layers.resolve("paketo-buildpacks_bellsoft-liberica"));
    Path javaHome = Path.of(System.getProperty("java.home"));
    Files.createSymbolicLink(jvmBuildpack.resolve("jre"), javaHome);
    Files.createSymbolicLink(jvmBuildpack.resolve("jdk"), javaHome);
    Path ours = Files.createDirectories(layers.resolve("io.realworld.api_processes"));
    Path workspace = unpack(Path.of("target", "api.jar"), root.resolve("workspace"));

    String output = build(workspace, ours);

    Path jreJava = jvmBuildpack.resolve("jre/bin/java");
    assertThat(output.lines().filter(line -> line.startsWith("processes: startup cache ")))
        .as(output).singleElement().satisfies(line -> assertThat(line)
            .contains(ours.resolve("startup").toString()).endsWith(", " + jreJava + ")"));
    assertThat(Files.readString(ours.resolve("launch.toml")))
        .contains("\"@" + ours.resolve("startup/java-options") + "\"");
    assertThat(Files.readString(ours.resolve("startup.toml"))).contains("launch = true");
    try (var files = Files.list(ours.resolve("startup"))) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrder("application.jar", "java-options",
              Runtime.version().feature() >= 25 ? "application.aot" : "application.jsa");
    }
  }

  private String build(Path workspace, Path layer) throws IOException, InterruptedException {
    Path buildpack = Path.of("buildpacks", "processes").toAbsolutePath();
    ProcessBuilder builder = new ProcessBuilder(buildpack.resolve("bin/build").toString())
        .directory(workspace.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.clear();
    env.putAll(Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", root.toString(),
        "CNB_LAYERS_DIR", layer.toString(), "CNB_BUILDPACK_DIR", buildpack.toString()));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private static Path unpack(Path jar, Path folder) throws IOException {
    try (InputStream in = Files.newInputStream(jar); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        Path target = folder.resolve(entry.getName()).normalize();
        if (!target.startsWith(folder)) {
          throw new IOException("entry outside the folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(zip, target);
        }
      }
    }
    return folder;
  }
}
