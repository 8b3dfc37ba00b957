package io.realworld.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every manifest against the Kubernetes API's own models (client-java, generated from the API's
 * OpenAPI document): an unknown or misplaced field, a missing required one or a wrong type fails,
 * as `kubectl apply` would on a cluster, but offline.
 */
class KubernetesSchemaIT {

  private record Schema(String apiVersion, Validator validator) {
  }

  @FunctionalInterface
  private interface Validator {
    void validate(JsonElement json) throws IOException;
  }

  private static final Map<String, Schema> SCHEMAS = Map.of(
      "Deployment", new Schema("apps/v1", V1Deployment::validateJsonElement),
      "Service", new Schema("v1", V1Service::validateJsonElement),
      "Job", new Schema("batch/v1", V1Job::validateJsonElement),
      "Secret", new Schema("v1", V1Secret::validateJsonElement),
      "PodDisruptionBudget", new Schema("policy/v1", V1PodDisruptionBudget::validateJsonElement),
      "HorizontalPodAutoscaler",
      new Schema("autoscaling/v2", V2HorizontalPodAutoscaler::validateJsonElement));

  @Test
  void everyManifestMatchesTheKubernetesApi() {
    for (Path file : DeployFiles.kubernetesManifests()) {
      JsonObject manifest = DeployFiles.yaml(file);
      Schema schema = SCHEMAS.get(manifest.getString("kind"));
      assertThat(schema).as(file + " has a kind this test knows").isNotNull();
      assertThat(manifest.getString("apiVersion")).as(file.toString()).isEqualTo(schema.apiVersion());
      assertThatCode(() -> schema.validator().validate(JsonParser.parseString(DeployFiles.toJson(manifest))))
          .as(file.toString()).doesNotThrowAnyException();
    }
  }

  @Test
  void aMisplacedFieldFailsTheValidation() {
    JsonObject deployment = DeployFiles.kubernetes("Deployment");
    DeployFiles.podSpec(deployment).put("readOnlyRootFilesystem", true);
    assertThatThrownBy(() -> V1Deployment.validateJsonElement(
        JsonParser.parseString(DeployFiles.toJson(deployment))))
        .hasMessageContaining("readOnlyRootFilesystem");
  }
}
