package io.realworld.api.buildpacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * pack reads project.toml, spring-boot:build-image reads only the pom [docs/buildpacks.md
 * "project.toml"]: both must describe the same image.
 */
class ImageDefinitionDriftIT {

  @Test
  void the_pom_builds_with_the_same_env_as_project_toml() {
    assertThat(ImageDefinition.pomImageEnv())
        .as("spring-boot-maven-plugin <image><env> against project.toml [[io.buildpacks.build.env]]")
        .containsExactlyInAnyOrderEntriesOf(ImageDefinition.projectBuildEnv())
        .isNotEmpty();
  }

  @Test
  void the_pom_uses_the_same_buildpacks_in_the_same_order_as_project_toml() {
    List<String> pomGroup = ImageDefinition.pomBuildpacks().stream()
        .map(ImageDefinitionDriftIT::asProjectTomlUri)
        .toList();

    assertThat(pomGroup).isEqualTo(ImageDefinition.projectGroup()).isNotEmpty();
  }

  @Test
  void the_pom_names_the_builder_of_project_toml_and_the_image_api() {
    String builder = ImageDefinition.projectBuilder();

    assertThat(builder).isEqualTo("paketobuildpacks/builder-jammy-base");
    assertThat(ImageDefinition.pomImageValue("builder")).isEqualTo("${image.builder}");
    assertThat(ImageDefinition.read("pom.xml"))
        .contains("<image.builder>" + builder + "</image.builder>");
    assertThat(ImageDefinition.pomImageValue("name")).isEqualTo("${image.name}");
    assertThat(ImageDefinition.read("pom.xml")).contains("<image.name>api</image.name>");
    assertThat(ImageDefinition.read("scripts/image.sh")).contains("image=${IMAGE:-api}");
  }

  /** The stand-in's group for build-image is the one scripts/builder-local/group.sh gives pack. */
  @Test
  void the_pom_uses_on_the_local_stand_in_the_group_that_pack_uses_there() throws Exception {
    Process group = new ProcessBuilder("scripts/builder-local/group.sh")
        .directory(Buildpack.PROJECT.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    List<String> packGroup = new String(group.getInputStream().readAllBytes()).lines().toList();
    assertThat(group.waitFor()).isZero();

    List<String> pomGroup = ImageDefinition.buildpacksOf(
            ImageDefinition.pomProfileImage("builder-local")).stream()
        .map(ImageDefinitionDriftIT::asProjectTomlUri)
        .toList();

    assertThat(pomGroup).isEqualTo(packGroup).isNotEmpty();
  }

  @Test
  void heroku_runs_the_java_version_paketo_installs() throws IOException {
    Properties heroku = new Properties();
    heroku.load(new StringReader(ImageDefinition.read("system.properties")));

    assertThat(heroku.getProperty("java.runtime.version"))
        .isEqualTo(ImageDefinition.projectBuildEnv().get("BP_JVM_VERSION"))
        .isNotBlank();
  }

  /** project.toml names a local buildpack relative to itself; the pom by an absolute path. */
  private static String asProjectTomlUri(String pomReference) {
    return pomReference.replace("${project.basedir}/", "./");
  }
}
