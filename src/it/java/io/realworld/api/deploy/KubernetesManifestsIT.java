package io.realworld.api.deploy;

import static io.realworld.api.deploy.DeployFiles.kubernetes;
import static io.realworld.api.deploy.DeployFiles.onlyContainer;
import static io.realworld.api.deploy.DeployFiles.podSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.health.HealthRoutes;
import io.realworld.api.support.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The promises of deploy/kubernetes, checked against the code they describe. */
class KubernetesManifestsIT {

  /** The Paketo run image's `cnb` user (paketo-buildpacks/jammy-base-stack stack/stack.toml). */
  private static final int RUN_IMAGE_UID = 1002;
  private static final int RUN_IMAGE_GID = 1000;

  private final JsonObject deployment = kubernetes("Deployment");
  private final JsonObject job = kubernetes("Job");
  private final JsonObject web = onlyContainer(podSpec(deployment));
  private final JsonObject migrate = onlyContainer(podSpec(job));

  @Test
  void everyManifestIsOneNamedKubernetesObject() {
    assertThat(DeployFiles.kubernetesManifests()).hasSizeGreaterThanOrEqualTo(6);
    for (Path file : DeployFiles.kubernetesManifests()) {
      JsonObject manifest = DeployFiles.yaml(file);
      assertThat(manifest.getString("apiVersion")).as(file + " apiVersion").isNotBlank();
      assertThat(manifest.getString("kind")).as(file + " kind").isNotBlank();
      assertThat(manifest.getJsonObject("metadata").getString("name")).as(file + " name").isNotBlank();
    }
  }

  @Test
  void kustomizationAppliesEveryManifestButTheSecretTemplate() {
    List<String> resources = DeployFiles.yaml(DeployFiles.KUBERNETES.resolve("kustomization.yaml"))
        .getJsonArray("resources").stream().map(String.class::cast).toList();
    List<String> manifests = DeployFiles.kubernetesManifests().stream()
        .filter(file -> !file.equals(DeployFiles.SECRET_TEMPLATE))
        .map(file -> file.getFileName().toString())
        .toList();
    assertThat(resources).containsExactlyInAnyOrderElementsOf(manifests);
  }

  @Test
  void probesAskTheHealthRoutesOnTheServedPort() {
    assertThat(probePath(web, "livenessProbe")).isEqualTo(HealthRoutes.LIVE);
    assertThat(probePath(web, "readinessProbe")).isEqualTo(HealthRoutes.READY);
    assertThat(probePath(web, "startupProbe")).isEqualTo(HealthRoutes.LIVE);
    int servedPort = ConfigVariables.effective(literalEnv(web)).port();
    JsonObject http = web.getJsonArray("ports").getJsonObject(0);
    assertThat(http.getInteger("containerPort")).isEqualTo(servedPort);
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      assertThat(web.getJsonObject(probe).getJsonObject("httpGet").getValue("port"))
          .as(probe + " port").isEqualTo(http.getString("name"));
    }
  }

  @Test
  void everyProbePathAnswers200OnTheRunningService() {
    var api = TestApp.client();
    Stream.of("livenessProbe", "readinessProbe", "startupProbe")
        .map(probe -> probePath(web, probe))
        .forEach(path -> assertThat(api.get(path).status()).as(path).isEqualTo(200));
  }

  @Test
  void gracePeriodCoversThePreStopPauseAndTheDrain() {
    Duration shutdownTimeout = ConfigVariables.effective(literalEnv(web)).shutdownTimeout();
    int preStopSeconds = web.getJsonObject("lifecycle").getJsonObject("preStop")
        .getJsonObject("sleep").getInteger("seconds");
    int grace = podSpec(deployment).getInteger("terminationGracePeriodSeconds");
    assertThat(preStopSeconds).isBetween(1, 15);
    assertThat(Duration.ofSeconds(grace))
        .isGreaterThan(shutdownTimeout.plusSeconds(preStopSeconds));
  }

  @Test
  void podsRunAsThePaketoRunImageUserWithNothingToEscalate() {
    for (JsonObject workload : List.of(deployment, job)) {
      JsonObject pod = podSpec(workload);
      JsonObject context = pod.getJsonObject("securityContext");
      assertThat(context.getBoolean("runAsNonRoot")).isTrue();
      assertThat(context.getInteger("runAsUser")).isEqualTo(RUN_IMAGE_UID);
      assertThat(context.getInteger("runAsGroup")).isEqualTo(RUN_IMAGE_GID);
      assertThat(context.getJsonObject("seccompProfile").getString("type")).isEqualTo("RuntimeDefault");
      assertThat(pod.getBoolean("automountServiceAccountToken")).isFalse();

      JsonObject container = onlyContainer(pod);
      JsonObject containerContext = container.getJsonObject("securityContext");
      assertThat(containerContext.getBoolean("readOnlyRootFilesystem")).isTrue();
      assertThat(containerContext.getBoolean("allowPrivilegeEscalation")).isFalse();
      assertThat(containerContext.getJsonObject("capabilities").getJsonArray("drop")).containsExactly("ALL");
      assertThat(tmpIsAnEmptyDir(pod, container)).as("/tmp from an emptyDir").isTrue();
    }
  }

  @Test
  void memoryLimitsLeaveTheMemoryCalculatorAHeap() {
    // The regions the calculator reserves before the heap with the image's defaults
    // (buildpacks/processes, deployment.yaml): 10M direct memory, 48M code cache, 64M metaspace,
    // 1 MiB per thread.
    for (JsonObject container : List.of(web, migrate)) {
      JsonObject resources = container.getJsonObject("resources");
      long limit = mebibytes(resources.getJsonObject("limits").getString("memory"));
      assertThat(mebibytes(resources.getJsonObject("requests").getString("memory"))).isEqualTo(limit);
      int threads = Integer.parseInt(literalEnv(container).getOrDefault("BPL_JVM_THREAD_COUNT", "50"));
      long heap = limit - 10 - 48 - 64 - threads;
      assertThat(heap).as(container.getString("name") + " heap in MiB").isGreaterThanOrEqualTo(80);
    }
  }

  @Test
  void webRunsTheDefaultProcessAndTheJobTheMigrateProcess() {
    assertThat(web.containsKey("command")).as("web keeps the image's entrypoint").isFalse();
    assertThat(web.containsKey("args")).isFalse();
    assertThat(migrate.getJsonArray("command")).containsExactly("/cnb/process/migrate");
    assertThat(podSpec(job).getString("restartPolicy")).isEqualTo("Never");
    assertThat(migrate.getString("image")).isEqualTo(web.getString("image"));
  }

  @Test
  void everyVariableIsOneTheAppOrTheLauncherReads() {
    for (JsonObject container : List.of(web, migrate)) {
      for (String name : envNames(container)) {
        assertThat(ConfigVariables.readByTheApp(name) || ConfigVariables.RUNTIME.contains(name))
            .as(name + " is read by ConfigLoader or documented for the image's launcher").isTrue();
      }
    }
    assertThat(envNames(web)).containsAll(ConfigVariables.required());
    assertThat(envNames(migrate)).contains("DATABASE_URL");
  }

  @Test
  void secretsComeFromTheSecretThatTheTemplateDescribes() {
    JsonObject secret = DeployFiles.yaml(DeployFiles.SECRET_TEMPLATE);
    String name = secret.getJsonObject("metadata").getString("name");
    JsonObject values = secret.getJsonObject("stringData");
    for (JsonObject container : List.of(web, migrate)) {
      for (Object entry : container.getJsonArray("env")) {
        JsonObject variable = (JsonObject) entry;
        if (variable.containsKey("valueFrom")) {
          JsonObject ref = variable.getJsonObject("valueFrom").getJsonObject("secretKeyRef");
          assertThat(ref.getString("name")).isEqualTo(name);
          assertThat(values.containsKey(ref.getString("key"))).as(ref.getString("key")).isTrue();
        }
      }
    }
    assertThat(secretRefs(web)).containsExactlyInAnyOrder("DATABASE_URL", "JWT_SECRET");
  }

  @Test
  void theSecretTemplateHoldsPlaceholdersOnly() {
    JsonObject secret = DeployFiles.yaml(DeployFiles.SECRET_TEMPLATE);
    assertThat(secret.containsKey("data")).as("no base64 values").isFalse();
    assertThat(secret.getJsonObject("stringData").fieldNames()).isNotEmpty();
    secret.getJsonObject("stringData").forEach(entry ->
        assertThat((String) entry.getValue()).as(entry.getKey()).matches("<[^<>]+>"));
  }

  @Test
  void serviceDisruptionBudgetAndAutoscalerSelectTheWebPods() {
    Map<String, Object> podLabels = deployment.getJsonObject("spec").getJsonObject("template")
        .getJsonObject("metadata").getJsonObject("labels").getMap();
    JsonObject service = kubernetes("Service").getJsonObject("spec");
    assertThat(podLabels).containsAllEntriesOf(service.getJsonObject("selector").getMap());
    assertThat(service.getJsonArray("ports").getJsonObject(0).getString("targetPort"))
        .isEqualTo(web.getJsonArray("ports").getJsonObject(0).getString("name"));

    int replicas = deployment.getJsonObject("spec").getInteger("replicas");
    assertThat(replicas).isEqualTo(2);
    JsonObject budget = kubernetes("PodDisruptionBudget").getJsonObject("spec");
    assertThat(podLabels).containsAllEntriesOf(
        budget.getJsonObject("selector").getJsonObject("matchLabels").getMap());
    assertThat(budget.getInteger("minAvailable")).isBetween(1, replicas - 1);

    JsonObject autoscaler = kubernetes("HorizontalPodAutoscaler").getJsonObject("spec");
    assertThat(autoscaler.getJsonObject("scaleTargetRef").getString("kind")).isEqualTo("Deployment");
    assertThat(autoscaler.getJsonObject("scaleTargetRef").getString("name"))
        .isEqualTo(deployment.getJsonObject("metadata").getString("name"));
    assertThat(autoscaler.getInteger("minReplicas")).isEqualTo(replicas);
    assertThat(web.getJsonObject("resources").getJsonObject("requests").getString("cpu"))
        .as("CPU utilisation is relative to the request").isNotBlank();
  }

  private static String probePath(JsonObject container, String probe) {
    return container.getJsonObject(probe).getJsonObject("httpGet").getString("path");
  }

  /** The container's variables that have a literal value (not from a Secret). */
  static Map<String, String> literalEnv(JsonObject container) {
    Map<String, String> env = new HashMap<>();
    for (Object entry : container.getJsonArray("env")) {
      JsonObject variable = (JsonObject) entry;
      if (variable.containsKey("value")) {
        env.put(variable.getString("name"), variable.getString("value"));
      }
    }
    return env;
  }

  private static List<String> envNames(JsonObject container) {
    return container.getJsonArray("env").stream()
        .map(entry -> ((JsonObject) entry).getString("name")).toList();
  }

  private static List<String> secretRefs(JsonObject container) {
    return container.getJsonArray("env").stream().map(JsonObject.class::cast)
        .filter(variable -> variable.containsKey("valueFrom"))
        .map(variable -> variable.getString("name")).toList();
  }

  private static boolean tmpIsAnEmptyDir(JsonObject pod, JsonObject container) {
    JsonArray mounts = container.getJsonArray("volumeMounts");
    return mounts.stream().map(JsonObject.class::cast)
        .filter(mount -> "/tmp".equals(mount.getString("mountPath")))
        .anyMatch(mount -> pod.getJsonArray("volumes").stream().map(JsonObject.class::cast)
            .anyMatch(volume -> volume.getString("name").equals(mount.getString("name"))
                && volume.containsKey("emptyDir")));
  }

  private static long mebibytes(String quantity) {
    Matcher matcher = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
    assertThat(matcher.matches()).as(quantity + " in Mi or Gi").isTrue();
    long amount = Long.parseLong(matcher.group(1));
    return matcher.group(2).equals("Gi") ? amount * 1024 : amount;
  }
}
