package io.realworld.api.contract;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the production contract is checked against. {@link ProcessTarget}: the packaged jar, laid
 * out and run the way the image runs it (process mode, the default). {@link ContainerTarget}: the
 * built image {@code api} next to a PostgreSQL container ({@code -Dverify.target=image}). Each check
 * is written once, against this interface; what a target cannot answer, it reports through a JUnit
 * assumption with the reason, so the check shows as skipped, never as passed.
 */
interface AppTarget {

  /** The target of this test run, created once per JVM. */
  static AppTarget current() {
    return Targets.current();
  }

  /** The image's declared default process, started with these variables (plus PORT). */
  AppRun start(Map<String, String> env);

  /** A declared process type ({@code migrate}, ...) started the way the platform would start it. */
  AppRun start(String processType, Map<String, String> env);

  /**
   * A declared process type started with arguments given at run time, which replace the process's
   * declared args, as the CNB launcher does ({@code docker run --entrypoint <type> IMAGE ARGS}).
   */
  AppRun start(String processType, Map<String, String> env, List<String> runTimeArgs);

  /** A real PostgreSQL, as the service reaches it; its password is {@link #databasePassword()}. */
  String databaseUrl();

  /** A canary: it must never appear in the service's output. */
  String databasePassword();

  /** The process types the build declared, and which one is the default. */
  Processes processes();

  /** Every file the application ships (its directory, and in an image the buildpack layers). */
  List<String> installedFiles();

  /** The application's layers, in export order (dependencies first). */
  List<Layer> layers();

  /** The same layers of a build after a source-only change (built by scripts/verify-prod.sh). */
  List<Layer> layersAfterSourceChange();

  /** Where (layer, file, config) any of these values occurs in what was built; empty if nowhere. */
  List<String> placesHolding(Collection<String> values);

  /** Skips the calling check, with the reason, unless the service runs as the image's user. */
  void assumeRunsAsImageUser();

  /** The image itself: present only in image mode. */
  Optional<BuiltImage> image();

  /** The process types of the build: each one's arguments, and its whole command line. */
  record Processes(String defaultType, Map<String, List<String>> argsByType,
      Map<String, List<String>> commandsByType) {
  }

  /** What only an image can answer. */
  interface BuiltImage {

    /**
     * The files of the image's software bill of materials (under /layers/sbom) that name this
     * text. Every image has an SBOM layer (the lifecycle writes its own launcher's), so only what
     * the SBOM lists tells whether it describes the application.
     */
    List<String> sbomFilesNaming(String text);

    /** Every layer's digest, by the layer's name. */
    Map<String, String> layerDigests();

    /** The same for a second build of the same source, without any change. */
    Map<String, String> layerDigestsOfRebuild();

    /** The default process in a container limited to this memory and 2 CPUs, as a small pod. */
    AppRun startLimitedTo(long memoryBytes, Map<String, String> env);
  }
}
