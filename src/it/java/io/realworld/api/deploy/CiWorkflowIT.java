package io.realworld.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** .github/workflows/ci.yml: the pipeline for machines with Docker. */
class CiWorkflowIT {

  private static final Pattern USES = Pattern.compile("uses: (\\S+)@(\\S+)(.*)");
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
  private static final Pattern EXACT_VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+");

  private final List<JsonObject> steps = DeployFiles.yaml(DeployFiles.CI_WORKFLOW)
      .getJsonObject("jobs").getJsonObject("build").getJsonArray("steps")
      .stream().map(JsonObject.class::cast).toList();

  @Test
  void everyActionIsPinnedToACommitOrAnExactRelease() {
    Matcher uses = USES.matcher(DeployFiles.text(DeployFiles.CI_WORKFLOW));
    int actions = 0;
    while (uses.find()) {
      actions++;
      String ref = uses.group(2);
      if (COMMIT.matcher(ref).matches()) {
        assertThat(uses.group(3)).as(uses.group(1) + " names its version").matches(" # v\\d+\\.\\d+\\.\\d+");
      } else {
        assertThat(ref).as(uses.group(1) + " is pinned").matches(EXACT_VERSION);
      }
    }
    assertThat(actions).isEqualTo(steps.stream().filter(step -> step.containsKey("uses")).count());
  }

  @Test
  void buildsTheImageThenTestsVerifiesAndPublishesItsSbom() {
    List<String> runs = steps.stream().filter(step -> step.containsKey("run"))
        .map(step -> step.getString("run")).toList();
    assertThat(runs).containsSubsequence("make test", "VERIFY_MODE=image make verify-prod",
        "VERIFY_MODE=image VERIFY_BUILD=maven make verify-prod");
    assertThat(runs).anyMatch(run -> run.startsWith("pack sbom download api"));
    assertThat(steps).anyMatch(step -> step.getString("uses", "").startsWith("buildpacks/github-actions/setup-pack@"));
    assertThat(steps).anyMatch(step -> step.getString("uses", "").startsWith("actions/upload-artifact@")
        && "sbom".equals(step.getJsonObject("with").getString("name")));
  }
}
