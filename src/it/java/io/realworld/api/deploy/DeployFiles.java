package io.realworld.api.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The deployment files of the repository, parsed: YAML with Jackson, JSON with Vert.x. */
final class DeployFiles {

  static final Path KUBERNETES = Path.of("deploy", "kubernetes");
  static final Path COMPOSE = Path.of("deploy", "compose.yaml");
  static final Path APP_JSON = Path.of("app.json");
  static final Path PROCFILE = Path.of("Procfile");
  static final Path CI_WORKFLOW = Path.of(".github", "workflows", "ci.yml");
  static final Path SECRET_TEMPLATE = KUBERNETES.resolve("secret.template.yaml");

  private static final YAMLMapper YAML = new YAMLMapper();

  private DeployFiles() {
  }

  /** The one YAML document in the file; more than one (or none) is a mistake in these files. */
  static JsonObject yaml(Path file) {
    try (var documents = YAML.readValues(YAML.createParser(file.toFile()), Map.class)) {
      List<Map> all = documents.readAll();
      if (all.size() != 1) {
        throw new IllegalStateException(file + " holds " + all.size() + " YAML documents, not one");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> document = all.get(0);
      return new JsonObject(document);
    } catch (IOException e) {
      throw new UncheckedIOException(file + " is not valid YAML", e);
    }
  }

  static JsonObject json(Path file) {
    return new JsonObject(text(file));
  }

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every Kubernetes manifest in deploy/kubernetes: all YAML files but kustomization.yaml. */
  static List<Path> kubernetesManifests() {
    try (Stream<Path> files = Files.list(KUBERNETES)) {
      return files.filter(file -> file.toString().endsWith(".yaml"))
          .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The manifest of the given kind; exactly one of each kind is expected. */
  static JsonObject kubernetes(String kind) {
    List<JsonObject> matching = kubernetesManifests().stream()
        .map(DeployFiles::yaml)
        .filter(manifest -> kind.equals(manifest.getString("kind")))
        .toList();
    if (matching.size() != 1) {
      throw new IllegalStateException(matching.size() + " manifests of kind " + kind + ", not one");
    }
    return matching.get(0);
  }

  /** The pod template's spec of a Deployment or a Job. */
  static JsonObject podSpec(JsonObject workload) {
    return workload.getJsonObject("spec").getJsonObject("template").getJsonObject("spec");
  }

  static JsonObject onlyContainer(JsonObject podSpec) {
    JsonArray containers = podSpec.getJsonArray("containers");
    if (containers.size() != 1) {
      throw new IllegalStateException(containers.size() + " containers, not one");
    }
    return containers.getJsonObject(0);
  }

  /** The JSON text of a parsed document, for validators that take JSON. */
  static String toJson(JsonObject document) {
    try {
      return new ObjectMapper().writeValueAsString(document.getMap());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
