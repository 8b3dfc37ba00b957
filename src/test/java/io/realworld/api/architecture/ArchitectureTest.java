package io.realworld.api.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The build rules, one sentence each, and the one list of them: any violation fails
 * {@code make test}. What each rule forbids and why is in {@link ArchitectureRules} (the method of
 * the field's name in camel case); ArchitectureRulesCanFailTest reads these fields and proves that
 * each rule fails on the fixture of the field's name.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT,
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final String ROOT = "io.realworld.api";
  private static final ArchitectureRules RULES = ArchitectureRules.forApplicationIn(ROOT);

  // Inside a feature, dependencies point inward: Routes -> Service -> Repository.

  @ArchTest
  static final ArchRule routes_never_use_repositories = RULES.routesNeverUseRepositories();

  @ArchTest
  static final ArchRule services_never_use_routes = RULES.servicesNeverUseRoutes();

  @ArchTest
  static final ArchRule repositories_never_use_routes_or_services =
      RULES.repositoriesNeverUseRoutesOrServices();

  @ArchTest
  static final ArchRule repositories_are_used_only_by_their_own_feature_and_the_wiring =
      RULES.repositoriesAreUsedOnlyByTheirOwnFeatureAndTheWiring();

  // So records and other domain types know neither HTTP nor SQL.

  @ArchTest
  static final ArchRule only_routes_use_vertx_web_inside_features =
      RULES.onlyRoutesUseVertxWebInsideFeatures();

  @ArchTest
  static final ArchRule only_repositories_use_the_sql_client_inside_features =
      RULES.onlyRepositoriesUseTheSqlClientInsideFeatures();

  // Between packages.

  @ArchTest
  static final ArchRule nothing_but_main_depends_on_the_server =
      RULES.nothingButMainDependsOnTheServer();

  @ArchTest
  static final ArchRule only_features_and_the_server_depend_on_features =
      RULES.onlyFeaturesAndTheServerDependOnFeatures();

  @ArchTest
  static final ArchRule config_depends_on_no_other_application_package =
      RULES.configDependsOnNoOtherApplicationPackage();

  @ArchTest
  static final ArchRule top_level_packages_are_free_of_cycles =
      RULES.topLevelPackagesAreFreeOfCycles();

  // The runtime contract: environment, stdout, logging.

  @ArchTest
  static final ArchRule only_config_reads_the_environment = RULES.onlyConfigReadsTheEnvironment();

  @ArchTest
  static final ArchRule no_class_accesses_standard_streams = RULES.noClassAccessesStandardStreams();

  @ArchTest
  static final ArchRule no_class_uses_java_util_logging = RULES.noClassUsesJavaUtilLogging();

  @ArchTest
  static final ArchRule loggers_are_private_static_final = RULES.loggersArePrivateStaticFinal();

  // Never block an event loop. The two documented exceptions (Application's awaits on the main and
  // signal threads, SchemaMigration's JDBC on a worker thread) are spelled out in the rules.

  @ArchTest
  static final ArchRule nothing_sleeps = RULES.nothingSleeps();

  @ArchTest
  static final ArchRule only_the_application_awaits_futures =
      RULES.onlyTheApplicationAwaitsFutures();

  @ArchTest
  static final ArchRule only_the_schema_migration_uses_jdbc =
      RULES.onlyTheSchemaMigrationUsesJdbc();

  @ArchTest
  static final ArchRule the_schema_migration_is_started_only_by_the_application =
      RULES.theSchemaMigrationIsStartedOnlyByTheApplication();

  @ArchTest
  static final ArchRule nothing_touches_files = RULES.nothingTouchesFiles();

  @ArchTest
  static final ArchRule nothing_uses_vertx_internals = RULES.nothingUsesVertxInternals();
}
