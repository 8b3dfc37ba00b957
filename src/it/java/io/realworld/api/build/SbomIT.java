package io.realworld.api.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CycloneDX SBOM that {@code package} writes into the jar's classes (failsafe: it runs after
 * package). It must name what the jar carries, and nothing that only the tests use.
 */
class SbomIT {

  private static final Path BOM =
      Path.of("target", "classes", "META-INF", "sbom", "application.cdx.json");

  @Test
  void listsTheRuntimeDependenciesWithTheirPackageUrls() throws IOException {
    List<JsonObject> components = components();

    assertThat(components)
        .anySatisfy(component -> {
          assertThat(component.getString("group")).isEqualTo("io.vertx");
          assertThat(component.getString("name")).isEqualTo("vertx-core");
          assertThat(component.getString("purl")).startsWith("pkg:maven/io.vertx/vertx-core@5.");
        })
        .anySatisfy(component -> assertThat(component.getString("name")).isEqualTo("logback-classic"))
        .anySatisfy(component -> assertThat(component.getString("name")).isEqualTo("vertx-pg-client"));
  }

  @Test
  void leavesOutTestOnlyLibraries() throws IOException {
    assertThat(components()).extracting(component -> component.getString("group"))
        .doesNotContain("org.junit.jupiter", "org.assertj", "com.tngtech.archunit",
            "org.testcontainers", "io.zonky.test", "com.code-intelligence");
  }

  @Test
  void describesThisApplication() throws IOException {
    JsonObject bom = new JsonObject(Files.readString(BOM));
    JsonObject application = bom.getJsonObject("metadata").getJsonObject("component");

    assertThat(bom.getString("bomFormat")).isEqualTo("CycloneDX");
    assertThat(application.getString("group")).isEqualTo("io.realworld");
    assertThat(application.getString("name")).isEqualTo("api");
  }

  private static List<JsonObject> components() throws IOException {
    assertThat(BOM).as("written by cyclonedx-maven-plugin at prepare-package").exists();
    JsonArray components = new JsonObject(Files.readString(BOM)).getJsonArray("components");
    return components.stream().map(JsonObject.class::cast).toList();
  }
}
