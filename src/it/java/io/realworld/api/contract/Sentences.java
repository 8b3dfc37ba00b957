package io.realworld.api.contract;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Test names as the sentences scripts/verify-prod.sh prints: {@code runsAsUid1002} becomes
 * "runs as uid 1002".
 */
final class Sentences extends DisplayNameGenerator.Standard {

  @Override
  public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes,
      Class<?> testClass, Method testMethod) {
    return String.join(" ", testMethod.getName()
            .split("(?<=[a-z])(?=[A-Z0-9])|(?<=[0-9])(?=[A-Za-z])|(?<=[A-Z])(?=[A-Z][a-z])"))
        .toLowerCase(Locale.ROOT);
  }
}
