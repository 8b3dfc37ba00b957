package io.realworld.api.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that every build rule can fail. The rules are ArchitectureTest's {@code @ArchTest} fields,
 * read here by reflection (the one list): the field {@code nothing_sleeps} is the rule
 * {@link ArchitectureRules#nothingSleeps()}, and its fixture application is the package
 * {@code fixtures.nothing_sleeps}, which breaks that rule and no other. All rules hold for
 * {@code fixtures.conforming}, a tiny application that uses each documented exception. The rules
 * are applied with the fixture as their root, exactly as ArchitectureTest applies them to the app.
 */
class ArchitectureRulesCanFailTest {

  private static final String FIXTURES = "io.realworld.api.architecture.fixtures";
  private static final Pattern WORD_AFTER_UNDERSCORE = Pattern.compile("_([a-z])");

  /** A rule as ArchitectureTest names it, and the method of ArchitectureRules that states it. */
  record NamedRule(String name, Method definition) {

    ArchRule forApplicationIn(String root) {
      try {
        return (ArchRule) definition.invoke(ArchitectureRules.forApplicationIn(root));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new AssertionError(definition + " cannot be applied to " + root, e);
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static List<NamedRule> rules() {
    return Arrays.stream(ArchitectureTest.class.getDeclaredFields())
        .filter(field -> field.isAnnotationPresent(ArchTest.class))
        .map(Field::getName)
        .map(name -> new NamedRule(name, definition(name)))
        .toList();
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
  void every_rule_architecture_rules_states_is_applied_by_architecture_test() {
    List<Method> stated = Arrays.stream(ArchitectureRules.class.getDeclaredMethods())
        .filter(method -> method.getReturnType() == ArchRule.class)
        .filter(method -> !Modifier.isPrivate(method.getModifiers()) && method.getParameterCount() == 0)
        .toList();
    assertThat(rules()).hasSizeGreaterThan(10).map(NamedRule::definition)
        .containsExactlyInAnyOrderElementsOf(stated);
  }

  @Test
  void the_shared_profile_sql_is_the_only_repository_other_features_may_use() {
    String fixture = FIXTURES + ".repositories_are_used_only_by_their_own_feature_and_the_wiring";
    JavaClasses classes = new ClassFileImporter().importPackages(fixture);
    List<String> violations = new NamedRule("", definition(
            "repositories_are_used_only_by_their_own_feature_and_the_wiring"))
        .forApplicationIn(fixture).evaluate(classes).getFailureReport().getDetails();

    assertThat(violations).anyMatch(line -> line.contains(".profiles.FollowsSql"))
        .anyMatch(line -> line.contains(".users.UsersRepository"))
        .noneMatch(line -> line.contains(".profiles.ProfileSql"));
  }

  /** The method of ArchitectureRules a rule's name stands for: nothing_sleeps, nothingSleeps(). */
  private static Method definition(String name) {
    Matcher underscore = WORD_AFTER_UNDERSCORE.matcher(name);
    StringBuilder camelCase = new StringBuilder();
    while (underscore.find()) {
      underscore.appendReplacement(camelCase, underscore.group(1).toUpperCase(Locale.ROOT));
    }
    underscore.appendTail(camelCase);
    try {
      return ArchitectureRules.class.getDeclaredMethod(camelCase.toString());
    } catch (NoSuchMethodException e) {
      throw new AssertionError("ArchitectureTest." + name + " names no rule of ArchitectureRules: "
          + camelCase + "() is missing", e);
    }
  }

  /** The rules with a violation in the fixture; a fixture need not have classes for every rule. */
  private static List<String> brokenRules(String fixture) {
    JavaClasses classes = new ClassFileImporter().importPackages(fixture);
    assertThat(classes).as("classes in %s (every rule needs its fixture)", fixture).isNotEmpty();
    return rules().stream()
        .filter(rule -> rule.forApplicationIn(fixture).allowEmptyShould(true)
            .evaluate(classes).hasViolation())
        .map(NamedRule::name)
        .toList();
  }
}
