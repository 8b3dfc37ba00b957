package io.realworld.api.config;

import java.util.List;

/** Every problem found in the environment, each naming its variable but never its value. */
public final class ConfigException extends RuntimeException {

  /** EX_CONFIG from sysexits.h: what platforms and operators expect for bad configuration. */
  public static final int EXIT_CODE = 78;

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super("invalid configuration: " + String.join("; ", problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
