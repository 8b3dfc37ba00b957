package io.realworld.api.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that every build rule can fail. Each rule has a fixture application under
 * {@code fixtures.<rule_name>} that breaks that rule and no other, and all rules hold for
 * {@code fixtures.conforming}, a tiny application that uses each documented exception. The rules
 * are applied with the fixture as their root, exactly as ArchitectureTest applies them to the app.
 */
class ArchitectureRulesCanFailTest {

  private static final String FIXTURES = "io.realworld.api.architecture.fixtures";

  /** Every rule of ArchitectureTest, named as its constant (and as its fixture package). */
  private static final List<NamedRule> RULES = List.of(
      rule("routes_never_use_repositories",
          ArchitectureRules::routesNeverUseRepositories),
      rule("services_never_use_routes",
          ArchitectureRules::servicesNeverUseRoutes),
      rule("repositories_never_use_routes_or_services",
          ArchitectureRules::repositoriesNeverUseRoutesOrServices),
      rule("repositories_are_used_only_by_their_own_feature_and_the_wiring",
          ArchitectureRules::repositoriesAreUsedOnlyByTheirOwnFeatureAndTheWiring),
      rule("only_routes_use_vertx_web_inside_features",
          ArchitectureRules::onlyRoutesUseVertxWebInsideFeatures),
      rule("only_repositories_use_the_sql_client_inside_features",
          ArchitectureRules::onlyRepositoriesUseTheSqlClientInsideFeatures),
      rule("nothing_but_main_depends_on_the_server",
          ArchitectureRules::nothingButMainDependsOnTheServer),
      rule("only_features_and_the_server_depend_on_features",
          ArchitectureRules::onlyFeaturesAndTheServerDependOnFeatures),
      rule("config_depends_on_no_other_application_package",
          ArchitectureRules::configDependsOnNoOtherApplicationPackage),
      rule("top_level_packages_are_free_of_cycles",
          ArchitectureRules::topLevelPackagesAreFreeOfCycles),
      rule("only_config_reads_the_environment",
          ArchitectureRules::onlyConfigReadsTheEnvironment),
      rule("no_class_accesses_standard_streams",
          ArchitectureRules::noClassAccessesStandardStreams),
      rule("no_class_uses_java_util_logging",
          ArchitectureRules::noClassUsesJavaUtilLogging),
      rule("loggers_are_private_static_final",
          ArchitectureRules::loggersArePrivateStaticFinal),
      rule("nothing_sleeps",
          ArchitectureRules::nothingSleeps),
      rule("only_the_application_awaits_futures",
          ArchitectureRules::onlyTheApplicationAwaitsFutures),
      rule("only_the_schema_migration_uses_jdbc",
          ArchitectureRules::onlyTheSchemaMigrationUsesJdbc),
      rule("the_schema_migration_is_started_only_by_the_application",
          ArchitectureRules::theSchemaMigrationIsStartedOnlyByTheApplication),
      rule("nothing_touches_files",
          ArchitectureRules::nothingTouchesFiles),
      rule("nothing_uses_vertx_internals",
          ArchitectureRules::nothingUsesVertxInternals));

  private record NamedRule(String name, Function<ArchitectureRules, ArchRule> forRoot) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static NamedRule rule(String name, Function<ArchitectureRules, ArchRule> forRoot) {
    return new NamedRule(name, forRoot);
  }

  static List<NamedRule> rules() {
    return RULES;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void each_fixture_breaks_its_own_rule_and_no_other(NamedRule rule) {
    assertThat(brokenRules(FIXTURES + "." + rule.name())).containsExactly(rule.name());
  }

  @Test
  void the_conforming_fixture_breaks_no_rule() {
    assertThat(brokenRules(FIXTURES + ".conforming")).isEmpty();
  }

  @Test
  void every_rule_of_architecture_test_has_its_proof_here() {
    List<String> archTests = Arrays.stream(ArchitectureTest.class.getDeclaredFields())
        .filter(field -> field.isAnnotationPresent(ArchTest.class))
        .map(Field::getName)
        .toList();
    assertThat(RULES).map(NamedRule::name).containsExactlyInAnyOrderElementsOf(archTests);
  }

  /** The rules with a violation in the fixture; a fixture need not have classes for every rule. */
  private static List<String> brokenRules(String fixture) {
    JavaClasses classes = new ClassFileImporter().importPackages(fixture);
    assertThat(classes).as("classes in %s", fixture).isNotEmpty();
    ArchitectureRules rules = ArchitectureRules.forApplicationIn(fixture);
    return RULES.stream()
        .filter(rule -> rule.forRoot().apply(rules).allowEmptyShould(true)
            .evaluate(classes).hasViolation())
        .map(NamedRule::name)
        .toList();
  }
}
