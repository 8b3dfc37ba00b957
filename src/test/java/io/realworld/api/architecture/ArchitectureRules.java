package io.realworld.api.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The build rules of the house, for an application whose code lives under {@code root}.
 * ArchitectureTest applies them to {@code io.realworld.api}; ArchitectureRulesCanFailTest applies
 * each one to a small fixture application that breaks it, to prove that it can fail.
 *
 * <p>Features are found, not listed: every package directly under the root that is not one of the
 * {@link #INFRASTRUCTURE} packages is a feature (users, profiles, articles, comments, tags), so a
 * new feature obeys the rules from its first class. Inside a feature the layer of a class is read
 * from its name: {@code *Routes} (HTTP in/out), {@code *Service} (rules), {@code *Repository}
 * (SQL); anything else there is a record or another domain type.
 */
final class ArchitectureRules {

  /** The packages under the root that serve every feature; all the others are features. */
  private static final List<String> INFRASTRUCTURE =
      List.of("auth", "config", "db", "health", "http", "server");

  private static final String VERTX_WEB = "io.vertx.ext.web..";
  private static final String[] SQL_CLIENT = {"io.vertx.sqlclient..", "io.vertx.pgclient.."};
  private static final String[] JDBC = {"java.sql..", "javax.sql..", "org.flywaydb.."};

  private final String root;

  private ArchitectureRules(String root) {
    this.root = root;
  }

  static ArchitectureRules forApplicationIn(String root) {
    return new ArchitectureRules(root);
  }

  // Layers inside a feature: Routes -> Service -> Repository

  ArchRule routesNeverUseRepositories() {
    return noClasses().that(are(routes())).should().dependOnClassesThat(are(repositories()))
        .because("HTTP handlers go through the feature's service, which owns the rules")
        .allowEmptyShould(true);
  }

  ArchRule servicesNeverUseRoutes() {
    return noClasses().that(are(services())).should().dependOnClassesThat(are(routes()))
        .because("dependencies point inward: the rules know nothing of HTTP handlers")
        .allowEmptyShould(true);
  }

  ArchRule repositoriesNeverUseRoutesOrServices() {
    return noClasses().that(are(repositories()))
        .should().dependOnClassesThat(are(routes().or(services())))
        .because("dependencies point inward: SQL knows nothing of the rules or of HTTP")
        .allowEmptyShould(true);
  }

  /**
   * The one exception: {@code profiles.ProfileSql}, how a viewer sees a user (the profile columns
   * and their mapping), which articles and comments select for their authors in the same statement.
   */
  ArchRule repositoriesAreUsedOnlyByTheirOwnFeatureAndTheWiring() {
    String sharedProfileSql = root + ".profiles.ProfileSql";
    return classes().that(are(repositories()))
        .and().doNotHaveFullyQualifiedName(sharedProfileSql)
        .should(beUsedOnlyByTheirOwnFeatureOr(root + ".server.Features"))
        .because("a feature's SQL is its own: other features call its service; server.Features "
            + "is the one place that creates repositories and hands them to services; "
            + "profiles.ProfileSql alone is shared, so that a user is seen the same way everywhere")
        .allowEmptyShould(true);
  }

  ArchRule onlyRoutesUseVertxWebInsideFeatures() {
    return noClasses().that(are(inAFeature().and(not(routes()))))
        .should().dependOnClassesThat().resideInAPackage(VERTX_WEB)
        .because("services, repositories and records must not depend on the HTTP layer")
        .allowEmptyShould(true);
  }

  ArchRule onlyRepositoriesUseTheSqlClientInsideFeatures() {
    return noClasses().that(are(inAFeature().and(not(repositories()))))
        .should().dependOnClassesThat().resideInAnyPackage(SQL_CLIENT)
        .because("all of a feature's SQL lives in its repository; rows become records there")
        .allowEmptyShould(true);
  }

  // Packages

  ArchRule nothingButMainDependsOnTheServer() {
    return noClasses()
        .that().resideOutsideOfPackage(root + ".server..")
        .and().doNotHaveFullyQualifiedName(root + ".Main")
        .should().dependOnClassesThat().resideInAPackage(root + ".server..")
        .because("the server assembles everything; depending on it would make a cycle");
  }

  ArchRule onlyFeaturesAndTheServerDependOnFeatures() {
    DescribedPredicate<JavaClass> featuresOrServer =
        inAFeature().or(resideInAPackage(root + ".server..")).as("in a feature or the server");
    return noClasses().that().resideInAPackage(root + "..").and(are(not(featuresOrServer)))
        .should().dependOnClassesThat(are(inAFeature()))
        .because("config, db, health, http and auth serve every feature and so know none");
  }

  ArchRule configDependsOnNoOtherApplicationPackage() {
    return noClasses().that().resideInAPackage(root + ".config..")
        .should().dependOnClassesThat(resideInAPackage(root + "..")
            .and(not(resideInAPackage(root + ".config.."))).as("in other application packages"))
        .because("the configuration is read before anything else exists");
  }

  ArchRule topLevelPackagesAreFreeOfCycles() {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles();
  }

  // The runtime contract

  ArchRule onlyConfigReadsTheEnvironment() {
    return noClasses().that().resideOutsideOfPackage(root + ".config..")
        .should().accessTargetWhere(targets(System.class, "getenv"))
        .because("configuration is read, validated and reported in one place (exit 78)");
  }

  ArchRule noClassAccessesStandardStreams() {
    return noClasses().that().doNotHaveFullyQualifiedName(root + ".server.StdoutAppender")
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .because("every line on stdout is a JSON log event, written by logback through its"
            + " appender StdoutAppender");
  }

  ArchRule noClassUsesJavaUtilLogging() {
    // Main installs org.slf4j.bridge.SLF4JBridgeHandler, which routes java.util.logging into
    // SLF4J; calling it is not a use of java.util.logging, so Main needs no exception here.
    return GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
        .because("SLF4J is the one logging API; logback writes the JSON");
  }

  ArchRule loggersArePrivateStaticFinal() {
    return fields().that().haveRawType(org.slf4j.Logger.class)
        .should().bePrivate().andShould().beStatic().andShould().beFinal()
        .because("one logger per class, never shared or replaced");
  }

  // Never block an event loop

  ArchRule nothingSleeps() {
    return noClasses().should().accessTargetWhere(targets(Thread.class, "sleep")
            .or(targets(java.util.concurrent.TimeUnit.class, "sleep")))
        .because("a sleeping event loop serves nobody; use vertx.setTimer");
  }

  /**
   * The one exception: {@code server.Application} waits for Vert.x futures while it deploys (on the
   * main thread, before any request) and while it drains (on the JVM's signal thread). Nothing it
   * awaits runs on an event loop. Main needs no exception: it leaves every wait to Application.
   */
  ArchRule onlyTheApplicationAwaitsFutures() {
    return noClasses().that().doNotHaveFullyQualifiedName(root + ".server.Application")
        .should().accessTargetWhere(targets(io.vertx.core.Future.class, "await")
            .or(targets(java.util.concurrent.Future.class, "get"))
            .or(targets(java.util.concurrent.CompletableFuture.class, "join")))
        .because("waiting for a future blocks the thread; compose futures instead");
  }

  /**
   * The one exception: {@code db.SchemaMigration} runs Flyway, which speaks JDBC. It runs at start,
   * on a worker thread (vertx.executeBlocking) or in the {@code migrate} process; the rule below
   * keeps it that way by letting only server.Application start it.
   */
  ArchRule onlyTheSchemaMigrationUsesJdbc() {
    return noClasses().that().doNotHaveFullyQualifiedName(root + ".db.SchemaMigration")
        .should().dependOnClassesThat().resideInAnyPackage(JDBC)
        .because("JDBC blocks; requests use the reactive vertx-pg-client pool");
  }

  ArchRule theSchemaMigrationIsStartedOnlyByTheApplication() {
    return classes().that().haveFullyQualifiedName(root + ".db.SchemaMigration")
        .should().onlyHaveDependentClassesThat()
        .haveFullyQualifiedName(root + ".server.Application")
        .because("Application runs it on a worker thread, never on an event loop")
        .allowEmptyShould(true);
  }

  ArchRule nothingTouchesFiles() {
    return noClasses().should().dependOnClassesThat(are(fileApis()))
        .orShould().accessTargetWhere(blockingVertxFileSystemCalls())
        .because("file I/O blocks; the service reads only its environment and the database");
  }

  ArchRule nothingUsesVertxInternals() {
    return noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("io.vertx..impl..", "..internal..")
        .because("internals change without notice between Vert.x releases");
  }

  // Predicates and conditions

  private DescribedPredicate<JavaClass> inAFeature() {
    String[] infrastructure = INFRASTRUCTURE.stream().map(name -> root + "." + name + "..")
        .toArray(String[]::new);
    return resideInAPackage(root + ".*..").and(not(resideInAnyPackage(infrastructure)))
        .as("in a feature package");
  }

  private static DescribedPredicate<JavaClass> routes() {
    return layer("Routes");
  }

  private static DescribedPredicate<JavaClass> services() {
    return layer("Service");
  }

  /** A feature's persistence: its repository, and the SQL helpers (*Sql) it splits off. */
  private static DescribedPredicate<JavaClass> repositories() {
    return layer("Repository").or(layer("Sql")).as("*Repository or *Sql");
  }

  /** A class named *{suffix}, or one nested in it (anonymous classes and records included). */
  private static DescribedPredicate<JavaClass> layer(String suffix) {
    return describe("*" + suffix,
        javaClass -> outermost(javaClass).getSimpleName().endsWith(suffix));
  }

  private static DescribedPredicate<JavaClass> fileApis() {
    return describe("file APIs (java.io.File*, RandomAccessFile, java.nio.file.Files, FileChannel)",
        javaClass -> javaClass.getPackageName().equals("java.io")
            && (javaClass.getSimpleName().startsWith("File")
                || javaClass.getSimpleName().equals("RandomAccessFile"))
            || Set.of("java.nio.file.Files", "java.nio.channels.FileChannel")
                .contains(javaClass.getName()));
  }

  private static DescribedPredicate<JavaAccess<?>> blockingVertxFileSystemCalls() {
    return describe("calls Vert.x FileSystem.*Blocking",
        access -> access.getTargetOwner().isAssignableTo(io.vertx.core.file.FileSystem.class)
            && access.getName().endsWith("Blocking"));
  }

  private static DescribedPredicate<JavaAccess<?>> targets(Class<?> owner, String name) {
    return describe(owner.getName() + "." + name,
        access -> access.getTargetOwner().isAssignableTo(owner) && access.getName().equals(name));
  }

  private static JavaClass outermost(JavaClass javaClass) {
    Optional<JavaClass> enclosing = javaClass.getEnclosingClass();
    return enclosing.isPresent() ? outermost(enclosing.get()) : javaClass;
  }

  /** The first package under the root ("users" for root.users.data.Row); "" for the root. */
  private String featureOf(JavaClass javaClass) {
    String packageName = javaClass.getPackageName();
    if (!packageName.startsWith(root + ".")) {
      return "";
    }
    String relative = packageName.substring(root.length() + 1);
    int dot = relative.indexOf('.');
    return dot < 0 ? relative : relative.substring(0, dot);
  }

  private ArchCondition<JavaClass> beUsedOnlyByTheirOwnFeatureOr(String wiring) {
    return new ArchCondition<>("be used only by their own feature and by " + wiring) {
      @Override
      public void check(JavaClass repository, ConditionEvents events) {
        String feature = featureOf(repository);
        repository.getDirectDependenciesToSelf().forEach(dependency -> {
          JavaClass user = dependency.getOriginClass();
          boolean allowed = user.getName().equals(wiring) || featureOf(user).equals(feature);
          events.add(new SimpleConditionEvent(dependency, allowed, dependency.getDescription()));
        });
      }
    };
  }
}
