package io.realworld.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;

/** The process types a platform starts: {@code web} by default, {@code migrate} for releases. */
@DisplayNameGeneration(Sentences.class)
class ProcessTypesContractTest {

  private final AppTarget target = AppTarget.current();

  @Test
  void theDefaultProcessIsWebAndMigrateIsDeclaredToo() {
    AppTarget.Processes processes = target.processes();

    assertThat(processes.defaultType()).isEqualTo("web");
    assertThat(processes.argsByType()).containsKey("web").containsKey("migrate");
    assertThat(processes.argsByType().get("migrate")).containsExactly("migrate");
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
