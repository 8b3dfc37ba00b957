package io.realworld.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** app.json: what Heroku sets up for the app, consistent with the code and the Procfile. */
class HerokuAppJsonIT {

  /** The top-level keys of Heroku's app.json schema (devcenter: app-json-schema). */
  private static final Set<String> SCHEMA_KEYS = Set.of("name", "description", "keywords", "website",
      "repository", "logo", "success_url", "scripts", "env", "formation", "image", "addons",
      "buildpacks", "environments", "stack");
  /** Heroku sends SIGKILL 30 s after SIGTERM. */
  private static final Duration HEROKU_KILL_AFTER = Duration.ofSeconds(30);

  private final JsonObject app = DeployFiles.json(DeployFiles.APP_JSON);

  @Test
  void usesOnlyKeysOfTheAppJsonSchema() {
    assertThat(SCHEMA_KEYS).containsAll(app.fieldNames());
    assertThat(app.getString("name")).matches("[a-z][a-z0-9-]{2,29}");
  }

  @Test
  void everyVariableIsReadByTheAppAndTheRequiredOnesAreProvided() {
    JsonObject env = app.getJsonObject("env");
    for (String name : env.fieldNames()) {
      assertThat(ConfigVariables.readByTheApp(name)).as(name + " is read by ConfigLoader").isTrue();
    }
    // DATABASE_URL comes from the heroku-postgresql add-on attached as DATABASE
    assertThat(app.getJsonArray("addons").stream().map(JsonObject.class::cast))
        .anyMatch(addon -> addon.getString("plan").startsWith("heroku-postgresql")
            && "DATABASE".equals(addon.getString("as")));
    Set<String> provided = new java.util.HashSet<>(env.fieldNames());
    provided.add("DATABASE_URL");
    assertThat(provided).containsAll(ConfigVariables.required());
    assertThat(env.getJsonObject("JWT_SECRET").getString("generator")).isEqualTo("secret");
    assertThat(env.getJsonObject("JWT_SECRET").containsKey("value")).as("no secret in the file").isFalse();
  }

  @Test
  void theDrainEndsBeforeHerokuKillsTheDyno() {
    Map<String, String> values = new HashMap<>();
    app.getJsonObject("env").forEach(entry -> {
      JsonObject variable = (JsonObject) entry.getValue();
      if (variable.containsKey("value")) {
        values.put(entry.getKey(), variable.getString("value"));
      }
    });
    assertThat(ConfigVariables.effective(values).shutdownTimeout()).isLessThan(HEROKU_KILL_AFTER);
  }

  @Test
  void theProcfileDeclaresTheFormationAndTheReleaseMigration() {
    assumeTrue(Files.exists(DeployFiles.PROCFILE), "the Procfile comes with the image build");
    Map<String, String> processes = DeployFiles.text(DeployFiles.PROCFILE).lines()
        .filter(line -> line.matches("[a-z][a-z0-9_-]*:.*"))
        .collect(Collectors.toMap(line -> line.substring(0, line.indexOf(':')),
            line -> line.substring(line.indexOf(':') + 1).trim()));
    assertThat(processes).containsKeys(app.getJsonObject("formation").fieldNames().toArray(String[]::new));
    assertThat(processes).containsKey("release");
    assertThat(processes.get("release")).contains("migrate");
  }
}
