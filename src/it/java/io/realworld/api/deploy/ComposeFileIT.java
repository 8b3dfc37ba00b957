package io.realworld.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.health.HealthRoutes;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** deploy/compose.yaml: the `api` image's runtime contract for users with Docker. */
class ComposeFileIT {

  private final JsonObject services = DeployFiles.yaml(DeployFiles.COMPOSE).getJsonObject("services");
  private final JsonObject web = services.getJsonObject("web");
  private final JsonObject migrate = services.getJsonObject("migrate");
  private final JsonObject postgres = services.getJsonObject("postgres");

  @Test
  void webAndMigrateRunTheLocalApiImage() {
    for (JsonObject service : List.of(web, migrate)) {
      assertThat(service.getString("image")).isEqualTo("api");
      assertThat(service.getString("pull_policy")).isEqualTo("never");
    }
    assertThat(web.containsKey("entrypoint")).as("web is the image's default process").isFalse();
    assertThat(migrate.getJsonArray("entrypoint")).containsExactly("/cnb/process/migrate");
  }

  @Test
  void migrateRunsOnceAfterPostgresIsHealthyAndBeforeWeb() {
    assertThat(condition(migrate, "postgres")).isEqualTo("service_healthy");
    assertThat(condition(web, "migrate")).isEqualTo("service_completed_successfully");
    assertThat(condition(web, "postgres")).isEqualTo("service_healthy");
    assertThat(migrate.getString("restart")).isEqualTo("no");
  }

  @Test
  void postgresIsPinnedAndCheckedWithPgIsready() {
    assertThat(postgres.getString("image")).matches("postgres:\\d+\\.\\d+");
    assertThat(postgres.getJsonObject("healthcheck").getJsonArray("test").getList())
        .startsWith("CMD", "pg_isready");
  }

  @Test
  void webIsHealthCheckedOnItsReadinessRouteWithTheBuildpackHealthChecker() {
    assertThat(web.getJsonObject("healthcheck").getJsonArray("test"))
        .containsExactly("CMD", "/workspace/health-check");
    Map<String, String> env = environment(web);
    int port = ConfigVariables.effective(literal(env)).port();
    assertThat(env.get("THC_PORT")).isEqualTo(Integer.toString(port));
    assertThat(env.get("THC_PATH")).isEqualTo(HealthRoutes.READY);
    assertThat(web.getJsonArray("ports")).contains(port + ":" + port);
  }

  @Test
  void dockerWaitsForTheDrainBeforeKilling() {
    Duration shutdownTimeout = ConfigVariables.effective(literal(environment(web))).shutdownTimeout();
    String grace = web.getString("stop_grace_period");
    assertThat(grace).matches("\\d+s");
    assertThat(Duration.ofSeconds(Long.parseLong(grace.replace("s", "")))).isGreaterThan(shutdownTimeout);
  }

  @Test
  void containersWriteOnlyToTmpWithoutCapabilities() {
    for (JsonObject service : List.of(web, migrate)) {
      assertThat(service.getBoolean("read_only")).isTrue();
      assertThat(service.getJsonArray("tmpfs")).containsExactly("/tmp");
      assertThat(service.getJsonArray("cap_drop")).containsExactly("ALL");
      assertThat(service.getJsonArray("security_opt")).contains("no-new-privileges:true");
    }
  }

  @Test
  void everyVariableIsOneTheAppOrTheLauncherReadsAndTheSecretIsNotInTheFile() {
    for (JsonObject service : List.of(web, migrate)) {
      for (String name : environment(service).keySet()) {
        assertThat(ConfigVariables.readByTheApp(name) || ConfigVariables.RUNTIME.contains(name))
            .as(name + " is read by ConfigLoader or documented for the image's launcher").isTrue();
      }
    }
    assertThat(environment(web)).containsKeys(ConfigVariables.required().toArray(String[]::new));
    assertThat(environment(migrate)).containsKey("DATABASE_URL");
    assertThat(environment(web).get("JWT_SECRET"))
        .as("taken from the user's environment, and required").startsWith("${JWT_SECRET:?");
  }

  private static String condition(JsonObject service, String dependency) {
    return service.getJsonObject("depends_on").getJsonObject(dependency).getString("condition");
  }

  private static Map<String, String> environment(JsonObject service) {
    Map<String, String> env = new HashMap<>();
    service.getJsonObject("environment").forEach(entry -> env.put(entry.getKey(), (String) entry.getValue()));
    return env;
  }

  /** Without the values that Compose takes from the user's environment. */
  private static Map<String, String> literal(Map<String, String> env) {
    Map<String, String> literal = new HashMap<>(env);
    literal.values().removeIf(value -> value.startsWith("${"));
    return literal;
  }
}
