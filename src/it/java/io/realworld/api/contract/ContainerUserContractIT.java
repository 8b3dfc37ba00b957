package io.realworld.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;

/**
 * The run image's user: UID 1002, GID 1000, over application files that the build's user (1001)
 * owns, so the service cannot write them; and the JVM as PID 1, receiving SIGTERM itself
 * [docs/buildpacks.md, "Users and file ownership"].
 */
@DisplayNameGeneration(Sentences.class)
class ContainerUserContractIT {

  private final AppTarget target = AppTarget.current();

  @Test
  void theServiceRunsAsUid1002AndGid1000NotAsRoot() {
    target.assumeRunsAsImageUser();
    String status = SharedService.running().jvmProcessStatus();

    assertThat(ids(status, "Uid:")).containsOnly("1002");
    assertThat(ids(status, "Gid:")).containsOnly("1000");
  }

  @Test
  void theJvmIsPid1OfItsOwnNamespaceSoItReceivesSigtermItself() {
    target.assumeRunsAsImageUser();
    String status = SharedService.running().jvmProcessStatus();

    assertThat(status).contains("Name:\tjava");
    List<String> namespacePids = ids(status, "NSpid:");
    assertThat(namespacePids.get(namespacePids.size() - 1)).isEqualTo("1");
  }

  @Test
  void itCannotWriteToItsOwnFilesAndServesAnyway() {
    target.assumeRunsAsImageUser();
    AppRun app = SharedService.running();
    String directory = app.applicationDirectory();

    assertThat(app.runAsServiceUser("sh", "-c", "rm \"$(mktemp)\"")).as("writing to /tmp")
        .isZero();
    assertThat(app.runAsServiceUser("touch", directory + "/write-probe"))
        .as("creating a file in %s", directory).isNotZero();
    assertThat(app.runAsServiceUser("touch", directory + "/BOOT-INF/layers.idx"))
        .as("changing a file of %s", directory).isNotZero();
    assertThat(Http.get(app, "/api/v1/health/ready").statusCode()).isEqualTo(200);
  }

  private static List<String> ids(String status, String field) {
    return status.lines().filter(line -> line.startsWith(field)).findFirst()
        .map(line -> Arrays.asList(line.substring(field.length()).trim().split("\\s+")))
        .orElseThrow(() -> new AssertionError("no " + field + " in " + status));
  }
}
