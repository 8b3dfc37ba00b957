package io.realworld.api.deploy;

import io.realworld.api.config.Config;
import io.realworld.api.config.ConfigException;
import io.realworld.api.config.ConfigLoader;
import io.realworld.api.support.TestApp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the code reads from the environment, asked of {@link ConfigLoader} itself rather than
 * listed again here: a variable is read when an invalid value for it is reported by name, and
 * required when an empty environment is reported as missing it.
 */
final class ConfigVariables {

  /**
   * Variables that the image's launcher, not the app, reads; each one documented where it is read:
   * the Paketo memory calculator (libjvm helper/memory_calculator.go: BPL_JVM_THREAD_COUNT,
   * BPL_JVM_HEAD_ROOM, BPL_JVM_LOADED_CLASS_COUNT), the JVM and libjvm's active processor count
   * (JAVA_TOOL_OPTIONS), and paketobuildpacks/health-checker's thc (THC_PORT, THC_PATH).
   */
  static final Set<String> RUNTIME = Set.of(
      "BPL_JVM_THREAD_COUNT", "BPL_JVM_HEAD_ROOM", "BPL_JVM_LOADED_CLASS_COUNT",
      "JAVA_TOOL_OPTIONS", "THC_PORT", "THC_PATH");

  /** Stands in for the secrets that the manifests take from a Secret or the platform. */
  static final Map<String, String> TEST_SECRETS = Map.of(
      "DATABASE_URL", "postgres://conduit:conduit@localhost:5432/conduit",
      "JWT_SECRET", TestApp.JWT_SECRET);

  private static final String INVALID = "?";
  private static final String MISSING = " is required but not set";

  private ConfigVariables() {
  }

  /** Whether ConfigLoader reads the variable: an invalid value for it is reported by its name. */
  static boolean readByTheApp(String name) {
    Map<String, String> env = new HashMap<>(TEST_SECRETS);
    env.put(name, INVALID);
    return problems(env).stream().anyMatch(problem -> problem.startsWith(name + " "));
  }

  /** The variables without which the web process refuses to start. */
  static List<String> required() {
    return problems(Map.of()).stream()
        .filter(problem -> problem.endsWith(MISSING))
        .map(problem -> problem.substring(0, problem.length() - MISSING.length()))
        .toList();
  }

  /** The configuration a platform's environment gives, with test values for its secrets. */
  static Config effective(Map<String, String> platformEnv) {
    Map<String, String> env = new HashMap<>(TEST_SECRETS);
    env.putAll(platformEnv);
    return ConfigLoader.load(env);
  }

  private static List<String> problems(Map<String, String> env) {
    try {
      ConfigLoader.load(env);
      return List.of();
    } catch (ConfigException e) {
      return e.problems();
    }
  }
}
