package io.realworld.api.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Network;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Image mode: the image built by {@code pack build api} (or {@code -Dverify.image}), run as a
 * platform runs it, next to a PostgreSQL container on one network. Facts used: the entrypoint of a
 * process type is {@code /cnb/process/<type>}; the lifecycle labels list the app layers
 * ({@code io.buildpacks.lifecycle.metadata}: {@code app[].sha}, {@code sbom}) and the processes
 * ({@code io.buildpacks.build.metadata}) [buildpacks lifecycle; docs/buildpacks.md].
 */
final class ContainerTarget implements AppTarget {

  static final int HTTP_PORT = 8080;
  private static final String LIFECYCLE_METADATA = "io.buildpacks.lifecycle.metadata";
  private static final String BUILD_METADATA = "io.buildpacks.build.metadata";

  private final String image = System.getProperty("verify.image", "api");
  private final DockerClient docker = DockerClientFactory.instance().client();
  private final Network network = Network.newNetwork();
  private final String databasePassword = Canaries.runtime("db-password");
  private final PostgreSQLContainer postgres;

  private ContainerTarget() {
    // -Dverify.postgresImage: where no registry is reachable, the PostgreSQL image that
    // scripts/builder-local/stack.sh makes from Debian's packages, which starts as the official one
    postgres = new PostgreSQLContainer(DockerImageName.parse(
        System.getProperty("verify.postgresImage", "postgres:17-alpine"))
        .asCompatibleSubstituteFor("postgres"))
        .withNetwork(network)
        .withNetworkAliases("db")
        .withPassword(databasePassword);
    postgres.start();
  }

  static ContainerTarget create() {
    return new ContainerTarget();
  }

  @Override
  public AppRun start(Map<String, String> env) {
    return ContainerRun.start(image, network, null, env);
  }

  @Override
  public AppRun start(String processType, Map<String, String> env) {
    return ContainerRun.start(image, network, "/cnb/process/" + processType, env);
  }

  @Override
  public AppRun start(String processType, Map<String, String> env, List<String> runTimeArgs) {
    return ContainerRun.start(image, network, "/cnb/process/" + processType, env,
        runTimeArgs.toArray(String[]::new));
  }

  @Override
  public String databaseUrl() {
    return "postgres://" + postgres.getUsername() + ":" + databasePassword + "@db:5432/"
        + postgres.getDatabaseName();
  }

  @Override
  public String databasePassword() {
    return databasePassword;
  }

  @Override
  public Processes processes() {
    var config = docker.inspectImageCmd(image).exec().getConfig();
    String[] entrypoint = config.getEntrypoint();
    String defaultType = entrypoint == null || entrypoint.length == 0 ? null
        : entrypoint[0].substring(entrypoint[0].lastIndexOf('/') + 1);
    Map<String, List<String>> argsByType = new LinkedHashMap<>();
    Map<String, List<String>> commandsByType = new LinkedHashMap<>();
    JsonArray processes = label(image, BUILD_METADATA).getJsonArray("processes", new JsonArray());
    for (Object entry : processes) {
      JsonObject process = (JsonObject) entry;
      List<String> args = strings(process.getValue("args"));
      List<String> command = new ArrayList<>(strings(process.getValue("command")));
      command.addAll(args);
      argsByType.put(process.getString("type"), args);
      commandsByType.put(process.getString("type"), command);
    }
    return new Processes(defaultType, argsByType, commandsByType);
  }

  @Override
  public List<String> installedFiles() {
    try (ContainerRun find = ContainerRun.start(image, network, "find",
        Map.of(), "/workspace", "/layers", "-type", "f")) {
      find.awaitExit(java.time.Duration.ofSeconds(60));
      return find.stdout();
    }
  }

  @Override
  public List<Layer> layers() {
    return slicedAppLayers(image);
  }

  @Override
  public List<Layer> layersAfterSourceChange() {
    return slicedAppLayers(existingImage("verify.changedImage", "api-verify-changed",
        "the image after a source-only change"));
  }

  /** Every layer and the image config, as {@code docker save} writes them. */
  @Override
  public List<String> placesHolding(Collection<String> values) {
    try (InputStream saved = docker.saveImageCmd(image).exec()) {
      return new SecretScanner(values).scan("docker save " + image, saved).places();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void assumeRunsAsImageUser() {
    // an image always runs as its own user
  }

  @Override
  public Optional<BuiltImage> image() {
    return Optional.of(new BuiltImage() {
      @Override
      public List<String> sbomFilesNaming(String text) {
        try (ContainerRun grep = ContainerRun.start(image, network, "grep", Map.of(),
            "-rlF", text, "/layers/sbom")) {
          grep.awaitExit(java.time.Duration.ofSeconds(60));
          return grep.stdout();
        }
      }

      @Override
      public AppRun startLimitedTo(long memoryBytes, Map<String, String> env) {
        return ContainerRun.start(image, network, null, env, memoryBytes);
      }

      @Override
      public Map<String, String> layerDigests() {
        return layerDigestsOf(image);
      }

      @Override
      public Map<String, String> layerDigestsOfRebuild() {
        return layerDigestsOf(existingImage("verify.rebuiltImage", "api-verify-rebuilt",
            "a second build of the same source"));
      }
    });
  }

  /**
   * Every layer the lifecycle exported, by name: the application's slices, each buildpack's
   * launch layers ({@code <buildpack id>:<layer>}), the launcher and the process types. The label's
   * shape ({@code buildpacks[].key}, {@code buildpacks[].layers.<name>.sha}) is the lifecycle's
   * platform metadata, as images built here by the real lifecycle carry it (docs/image.md).
   */
  private Map<String, String> layerDigestsOf(String name) {
    JsonObject metadata = label(name, LIFECYCLE_METADATA);
    Map<String, String> digests = new LinkedHashMap<>();
    appLayers(name).forEach(layer -> digests.put(layer.name(), layer.digest()));
    JsonArray buildpacks = metadata.getJsonArray("buildpacks", new JsonArray());
    for (int i = 0; i < buildpacks.size(); i++) {
      JsonObject buildpack = buildpacks.getJsonObject(i);
      JsonObject layers = buildpack.getJsonObject("layers", new JsonObject());
      layers.forEach(layer -> digests.put(buildpack.getString("key") + ":" + layer.getKey(),
          ((JsonObject) layer.getValue()).getString("sha")));
    }
    for (String part : List.of("launcher", "process-types", "config")) {
      JsonObject layer = metadata.getJsonObject(part);
      if (layer != null) {
        digests.put(part, layer.getString("sha"));
      }
    }
    return digests;
  }

  /**
   * The application layers, one per layers.idx slice, which Paketo's spring-boot buildpack makes.
   * The local stand-in builder has no such buildpack: its images have one application layer and
   * say nothing about which layers a change reuses.
   */
  private List<Layer> slicedAppLayers(String name) {
    assumeTrue(!builtOnTheLocalStandIn(name), name + " was built on the local stand-in builder,"
        + " which has no Paketo spring-boot buildpack to slice the application by layers.idx:"
        + " only the real Paketo builder can show which layers a source-only change reuses");
    return appLayers(name);
  }

  /** The layers the lifecycle exported for the application, in order. */
  private List<Layer> appLayers(String name) {
    JsonArray app = label(name, LIFECYCLE_METADATA).getJsonArray("app", new JsonArray());
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < app.size(); i++) {
      layers.add(new Layer("application slice " + (i + 1), app.getJsonObject(i).getString("sha")));
    }
    return layers;
  }

  /** The stand-in's run image, which every image built on it extends, carries this label. */
  private boolean builtOnTheLocalStandIn(String name) {
    Map<String, String> labels = docker.inspectImageCmd(name).exec().getConfig().getLabels();
    return labels != null && labels.containsKey("io.realworld.api.stack.inputs");
  }

  private String existingImage(String property, String defaultName, String what) {
    String name = System.getProperty(property, defaultName);
    try {
      docker.inspectImageCmd(name).exec();
    } catch (NotFoundException e) {
      assumeTrue(false, what + " (image " + name + ") is built by scripts/verify-prod.sh;"
          + " it does not exist here");
    }
    return name;
  }

  private JsonObject label(String name, String label) {
    Map<String, String> labels = docker.inspectImageCmd(name).exec().getConfig().getLabels();
    String json = labels == null ? null : labels.get(label);
    if (json == null) {
      throw new IllegalStateException(name + " has no label " + label + ": not a buildpacks image?");
    }
    return new JsonObject(json);
  }

  private static List<String> strings(Object value) {
    if (value instanceof JsonArray array) {
      return array.stream().map(String::valueOf).toList();
    }
    return value == null ? List.of() : List.of(value.toString());
  }
}
