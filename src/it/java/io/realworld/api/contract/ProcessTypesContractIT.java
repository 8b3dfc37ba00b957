package io.realworld.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;

/**
 * The process types a platform starts: {@code web} by default, {@code migrate} for releases, each
 * a JVM started from the startup cache the build trained (buildpacks/processes).
 */
@DisplayNameGeneration(Sentences.class)
class ProcessTypesContractIT {

  private final AppTarget target = AppTarget.current();

  @Test
  void theDefaultProcessIsWebAndMigrateIsDeclaredToo() {
    AppTarget.Processes processes = target.processes();

    assertThat(processes.defaultType()).isEqualTo("web");
    assertThat(processes.argsByType()).containsKey("web").containsKey("migrate");
    assertThat(processes.commandsByType().get("migrate")).last().isEqualTo("migrate");
    assertThat(processes.argsByType().get("migrate"))
        .as("run-time arguments replace args: the subcommand belongs to the command").isEmpty();
  }

  /** {@code docker run --entrypoint migrate api web} must not start a server. */
  @Test
  void runTimeArgumentsCannotTurnMigrateIntoAnotherCommand() {
    try (AppRun migrate = target.start("migrate", SharedService.validEnvironment(),
        List.of("web"))) {
      OptionalInt exit = migrate.awaitExit(Duration.ofSeconds(60));

      assertThat(exit).as("exit code (stdout: %s)", migrate.stdout()).hasValue(64);
      assertThat(migrate.applicationStdout())
          .anyMatch(line -> line.contains("unexpected arguments after 'migrate'"));
    }
  }

  @Test
  void everyProcessRunsTheStartClassWithTheStartupCacheOptions() {
    AppTarget.Processes processes = target.processes();

    processes.commandsByType().forEach((type, command) -> {
      assertThat(command).as(type).hasSizeGreaterThanOrEqualTo(3);
      assertThat(command.get(0)).as(type).endsWith("java");
      assertThat(command.get(1)).as(type).startsWith("@").endsWith("/startup/java-options");
      assertThat(command.get(2)).as(type).isEqualTo("io.realworld.api.Main");
    });
  }

  /**
   * The JVM maps the classes the training run loaded (the application's and its libraries') from
   * the cache instead of reading and verifying them from jars [docs/image.md "Startup"]; a class
   * loading log that the service's own JVM writes says where each class came from. A cache the JVM
   * cannot use would be ignored with a warning (on stderr, so stdout stays JSON). In image mode the
   * log goes to the container's /tmp and is read with grep as the image's user (the jammy run
   * image has both, as the stand-in's has).
   */
  @Test
  void theWebProcessLoadsTheApplicationAndItsLibrariesFromTheStartupCache() {
    String classLog = "/tmp/api-class-load-" + UUID.randomUUID() + ".log";
    Map<String, String> env = SharedService.validEnvironment();
    env.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classLog);

    try (AppRun web = target.start(env)) {
      Http.awaitReady(web, Duration.ofSeconds(60));

      for (String type : List.of("io.realworld.api.Main", "io.realworld.api.server.ApiRouter",
          "io.vertx.core.Vertx", "io.netty.channel.Channel", "ch.qos.logback.classic.Logger")) {
        assertThat(web.runAsServiceUser("grep", "-q", "-F", type + " source: shared objects file",
            classLog)).as("%s loaded from the startup cache (%s)", type, classLog).isZero();
      }
      assertThat(web.stderr()).as("the JVM's warnings")
          .noneMatch(line -> line.contains("[warning]") || line.contains("[error]"));
    }
  }

  @Test
  void theMigrateProcessAppliesTheSchemaAndExits0() {
    try (AppRun migrate = target.start("migrate",
        Map.of("DATABASE_URL", target.databaseUrl()))) {
      OptionalInt exit = migrate.awaitExit(Duration.ofSeconds(60));

      assertThat(exit).as("exit code (stdout: %s)", migrate.stdout()).hasValue(0);
      assertThat(migrate.stdout()).anyMatch(line -> line.contains("schema is current"));
    }
  }
}
