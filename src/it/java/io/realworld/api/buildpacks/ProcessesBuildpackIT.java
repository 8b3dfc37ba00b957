package io.realworld.api.buildpacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.realworld.api.buildpacks.Buildpack.Layout;
import io.realworld.api.buildpacks.Buildpack.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** buildpacks/processes declares the image's process types in launch.toml. */
class ProcessesBuildpackIT {

  private static final Buildpack PROCESSES = Buildpack.named("processes");
  private static final List<String> JAR_LAUNCHER =
      List.of("java", "org.springframework.boot.loader.launch.JarLauncher");
  /** What the repackaged jar's manifest says (Java writes CRLF line ends). */
  private static final String BOOT_MANIFEST = "Manifest-Version: 1.0\r\n"
      + "Main-Class: org.springframework.boot.loader.launch.JarLauncher\r\n"
      + "Start-Class: io.realworld.api.Main\r\n";

  @TempDir
  Path root;

  @Test
  void detect_always_passes_because_the_jar_does_not_exist_yet_at_detect_time() {
    assertThat(PROCESSES.detect(Layout.in(root)).exitCode()).isZero();
  }

  /**
   * The startup cache is trained with the JRE the image launches and needs a JDK's jar tool: the
   * plan asks Paketo's JVM buildpack for both at build time, and has an alternative that asks for
   * nothing, so that a group without a JVM buildpack still builds (without the cache).
   */
  @Test
  void detect_asks_for_the_jre_at_build_and_launch_and_a_jdk_at_build() {
    Layout layout = Layout.in(root);

    assertThat(PROCESSES.detect(layout).exitCode()).isZero();

    JsonNode plan = ImageDefinition.toml(layout.plan());
    Map<String, JsonNode> required = new TreeMap<>();
    plan.path("requires").forEach(entry -> required.put(entry.path("name").asText(), entry));
    assertThat(required).containsOnlyKeys("jre", "jdk");
    assertThat(required.get("jre").path("metadata").path("build").asBoolean()).isTrue();
    assertThat(required.get("jre").path("metadata").path("launch").asBoolean()).isTrue();
    assertThat(required.get("jdk").path("metadata").path("build").asBoolean()).isTrue();
    assertThat(plan.path("or").size()).isEqualTo(1);
    assertThat(plan.path("or").get(0).path("requires").isMissingNode()).isTrue();
  }

  /** Without a JVM to train with, the processes start through JarLauncher, without the cache. */
  @Test
  void without_a_java_in_the_build_every_process_runs_the_jar_launcher() {
    Map<String, JsonNode> processes = build(extractedJar().withoutJava());

    JsonNode web = processes.get("web");
    assertThat(web).as("web process in %s", processes).isNotNull();
    assertThat(web.path("default").asBoolean()).isTrue();
    assertThat(strings(web.path("command"))).as("a command array: no shell, the JVM is PID 1")
        .isEqualTo(JAR_LAUNCHER);
    assertThat(web.has("args")).isFalse();
    assertThat(web.has("direct")).as("'direct' is an error since Buildpack API 0.9").isFalse();
    for (String type : List.of("migrate", "release")) {
      JsonNode process = processes.get(type);
      assertThat(process).as("%s process in %s", type, processes).isNotNull();
      List<String> migrate = new ArrayList<>(JAR_LAUNCHER);
      migrate.add("migrate");
      assertThat(strings(process.path("command")))
          .as("the subcommand in the command: run-time arguments replace args").isEqualTo(migrate);
      assertThat(process.has("args")).isFalse();
      assertThat(process.path("default").asBoolean()).isFalse();
    }
    for (String type : List.of("executable-jar", "task")) {
      assertThat(strings(processes.get(type).path("command")))
          .as("%s replaces Paketo executable-jar's process of that name", type)
          .isEqualTo(JAR_LAUNCHER);
      assertThat(processes.get(type).has("args")).isFalse();
      assertThat(processes.get(type).path("default").asBoolean()).isFalse();
    }
    assertThat(processes).containsOnlyKeys("web", "migrate", "release", "executable-jar", "task");
  }

  /** Defaults for every process the launcher starts, overridable with docker run -e. */
  @Test
  void writes_the_run_time_defaults_as_a_launch_layer() throws Exception {
    Layout layout = extractedJar().withoutJava();
    build(layout);

    Path env = layout.layers().resolve("defaults/env.launch");
    assertThat(Files.readString(env.resolve("BPL_JAVA_NMT_ENABLED.default"))).isEqualTo("false");
    assertThat(Files.readString(env.resolve("BPL_JVM_THREAD_COUNT.default"))).isEqualTo("50");
    assertThat(Files.readString(env.resolve("JAVA_TOOL_OPTIONS.prepend")))
        .as("prepended: options given at run time come later and win")
        .isEqualTo("-XX:+DisplayVMOutputToStderr -XX:ReservedCodeCacheSize=48M"
            + " -XX:MaxMetaspaceSize=64M");
    assertThat(env.resolve("JAVA_TOOL_OPTIONS.append")).doesNotExist();
    assertThat(Files.readString(env.resolve("JAVA_TOOL_OPTIONS.delim"))).isEqualTo(" ");
    assertThat(ImageDefinition.toml(layout.layers().resolve("defaults.toml"))
        .path("types").path("launch").asBoolean()).isTrue();
  }

  /** The run user shares the build user's group: nothing may stay group- or world-writable. */
  @Test
  void leaves_no_group_or_other_write_bit_on_the_application() throws Exception {
    Layout layout = extractedJar().withoutJava();
    Path library = layout.app().resolve("BOOT-INF/lib/library.jar");
    Files.setPosixFilePermissions(library, PosixFilePermissions.fromString("rw-rw-rw-"));
    Files.setPosixFilePermissions(layout.app(), PosixFilePermissions.fromString("rwxrwxrwx"));

    build(layout);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(library)))
        .isEqualTo("rw-r--r--");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(layout.app())))
        .isEqualTo("rwxr-xr-x");
  }

  /**
   * Paketo's procfile buildpack turns the Procfile into shell processes of the image; this
   * buildpack, later in the group, must replace every one of them whole.
   */
  @Test
  void declares_every_process_type_of_the_procfile() {
    Map<String, JsonNode> processes = build(extractedJar().withoutJava());
    List<String> procfileTypes = new ArrayList<>();
    for (String line : ImageDefinition.read("Procfile").lines().toList()) {
      procfileTypes.add(line.substring(0, line.indexOf(':')));
      assertThat(line).as("Procfile lines exec the JVM, so that it gets SIGTERM")
          .matches("[a-z]+: exec java .*");
    }

    assertThat(procfileTypes).isNotEmpty();
    assertThat(processes).containsKeys(procfileTypes.toArray(String[]::new));
  }

  @Test
  void fails_the_build_when_the_extracted_jar_has_no_classes() {
    Layout layout = Layout.in(root).withFile("META-INF/MANIFEST.MF", BOOT_MANIFEST);

    Run build = PROCESSES.build(layout);

    assertThat(build.exitCode()).isNotZero();
    assertThat(build.output()).contains("FAILED").contains("BOOT-INF/classes");
    assertThat(layout.layers().resolve("launch.toml")).doesNotExist();
  }

  @Test
  void fails_the_build_when_the_app_is_not_the_extracted_spring_boot_jar() {
    Layout layout = Layout.in(root).withFile("META-INF/MANIFEST.MF",
        "Manifest-Version: 1.0\r\nMain-Class: io.realworld.api.Main\r\n");

    Run build = PROCESSES.build(layout);

    assertThat(build.exitCode()).isNotZero();
    assertThat(build.output()).contains("FAILED").contains("META-INF/MANIFEST.MF");
    assertThat(layout.layers().resolve("launch.toml")).doesNotExist();
  }

  /** The shape of an extracted Spring Boot jar, without any real class. */
  private Layout extractedJar() {
    return Layout.in(root).withFile("META-INF/MANIFEST.MF", BOOT_MANIFEST)
        .withFile("BOOT-INF/classes/io/realworld/api/Main.class", "not really a class")
        .withFile("BOOT-INF/lib/library.jar", "not really a jar")
        .withFile("BOOT-INF/classpath.idx", "- \"BOOT-INF/lib/library.jar\"\n");
  }

  private Map<String, JsonNode> build(Layout layout) {
    Run build = PROCESSES.build(layout);
    assertThat(build.exitCode()).as(build.output()).isZero();
    Map<String, JsonNode> byType = new TreeMap<>();
    ImageDefinition.toml(layout.layers().resolve("launch.toml")).path("processes")
        .forEach(process -> byType.put(process.path("type").asText(), process));
    return byType;
  }

  private static List<String> strings(JsonNode array) {
    assertThat(array.isArray()).as("%s is an array", array).isTrue();
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
