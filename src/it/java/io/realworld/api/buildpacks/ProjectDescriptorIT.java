package io.realworld.api.buildpacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** project.toml: the image pack builds, and what never reaches the builder. */
class ProjectDescriptorIT {

  private static final List<String> EXCLUDES = ImageDefinition.projectExcludes();

  @Test
  void is_a_schema_0_2_descriptor_of_the_mit_licensed_api() {
    JsonNode project = ImageDefinition.projectToml().path("_");

    assertThat(project.path("schema-version").asText()).isEqualTo("0.2");
    assertThat(project.path("name").asText()).isEqualTo("api");
    assertThat(project.path("licenses").path(0).path("type").asText()).isEqualTo("MIT");
    assertThat(project.path("source-url").asText()).startsWith("https://");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      ".env", ".env.production", "config/.env.local", ".envrc",
      "server.pem", "deploy/tls/server.key", "id_rsa", "home/.ssh/id_ed25519", "keystore.p12",
      "truststore.jks", ".npmrc", ".netrc", ".pgpass", ".git-credentials", ".aws/credentials",
      "gcp/credentials.json", ".docker/config.json",
      "target/api.jar", "target/classes/io/realworld/api/Main.class", ".git/HEAD",
      ".data/postgres/PG_VERSION", ".idea/workspace.xml", "api.iml", ".vscode/settings.json"})
  void keeps_secrets_build_output_vcs_data_local_databases_and_ide_files_from_the_builder(
      String path) {
    assertThat(excluded(path)).as("%s is excluded by %s", path, EXCLUDES).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties", "project.toml", "Procfile",
      "system.properties", "src/main/java/io/realworld/api/Main.java",
      "src/main/resources/db/migration/V1__conduit_schema.sql",
      "buildpacks/secret-guard/bin/build", "buildpacks/processes/buildpack.toml"})
  void uploads_what_the_build_needs(String path) {
    assertThat(excluded(path)).as("%s is excluded by %s", path, EXCLUDES).isFalse();
  }

  @Test
  void uploads_every_file_git_tracks() {
    assertThat(TrackedFiles.list()).isNotEmpty().noneMatch(ProjectDescriptorIT::excluded);
  }

  /**
   * What git ignores is local state (build output, the dev database, fuzzing corpora, secrets):
   * pack would upload all of it to the builder. A file inside each ignored pattern is excluded.
   */
  @Test
  void excludes_everything_git_ignores() {
    List<String> ignored = ImageDefinition.read(".gitignore").lines()
        .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

    assertThat(ignored).isNotEmpty().allSatisfy(pattern -> {
      String example = pattern.endsWith("/") ? pattern + "file" : pattern.replace("*", "example");
      assertThat(excluded(example)).as("%s (from .gitignore %s) is excluded", example, pattern)
          .isTrue();
    });
  }

  /** The matcher below implements this subset of gitignore syntax only. */
  @Test
  void uses_only_name_patterns_and_no_include_list() {
    assertThat(EXCLUDES).isNotEmpty().allSatisfy(pattern -> {
      assertThat(pattern).doesNotStartWith("!").doesNotContain("**");
      assertThat(pattern.replaceAll("/$", "")).doesNotContain("/");
    });
    assertThat(ImageDefinition.projectToml().path("io").path("buildpacks").has("include"))
        .as("include and exclude at once is an error").isFalse();
  }

  @Test
  void runs_the_guard_first_paketo_java_and_the_pinned_health_checker_then_the_processes_last() {
    assertThat(ImageDefinition.projectGroup()).containsExactly(
        "./buildpacks/secret-guard",
        "urn:cnb:builder:paketo-buildpacks/java",
        "docker://docker.io/paketobuildpacks/health-checker:2.14.0@sha256:79ee91f6e38f441a2f7f346300f48f2aef9cd1ef775db985b8b5e0bb5a83f164",
        "./buildpacks/processes");
    assertThat(ImageDefinition.projectGroup()).filteredOn(uri -> uri.startsWith("docker://"))
        .as("images in the group are pinned by digest").allMatch(uri -> uri.matches(".*@sha256:[0-9a-f]{64}"));
    assertThat(ImageDefinition.projectBuildEnv()).containsEntry("BP_HEALTH_CHECKER_ENABLED", "true");
  }

  @ParameterizedTest
  @ValueSource(strings = {"secret-guard", "processes"})
  void local_buildpacks_declare_api_0_10_an_id_a_version_and_executable_phases(String name) {
    Path directory = Buildpack.PROJECT.resolve("buildpacks").resolve(name);
    JsonNode descriptor = ImageDefinition.toml(directory.resolve("buildpack.toml"));

    assertThat(descriptor.path("api").asText()).isEqualTo("0.10");
    assertThat(descriptor.path("buildpack").path("id").asText())
        .isEqualTo("io.realworld.api/" + name);
    assertThat(descriptor.path("buildpack").path("version").asText()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(descriptor.path("stacks").path(0).path("id").asText())
        .as("spring-boot:build-image refuses a buildpack.toml with neither [[stacks]] nor [[order]]")
        .isEqualTo("*");
    assertThat(directory.resolve("bin/detect")).isExecutable();
    assertThat(directory.resolve("bin/build")).isExecutable();
  }

  @Test
  void the_repository_has_no_dockerfile() {
    assertThat(TrackedFiles.list()).isNotEmpty().noneMatch(file -> {
      String name = Path.of(file).getFileName().toString().toLowerCase();
      return name.contains("dockerfile") || name.contains("containerfile");
    });
    assertThat(Files.exists(Buildpack.PROJECT.resolve("Dockerfile"))).isFalse();
  }

  /**
   * gitignore semantics for name patterns: a pattern matches a file or directory name at any
   * depth; a trailing slash matches directories only.
   */
  static boolean excluded(String path) {
    List<String> parts = Arrays.asList(path.split("/"));
    return EXCLUDES.stream().anyMatch(pattern -> {
      boolean directoryOnly = pattern.endsWith("/");
      PathMatcher matcher = FileSystems.getDefault()
          .getPathMatcher("glob:" + pattern.replaceAll("/$", ""));
      List<String> candidates = directoryOnly ? parts.subList(0, parts.size() - 1) : parts;
      return candidates.stream().anyMatch(part -> matcher.matches(Path.of(part)));
    });
  }
}
