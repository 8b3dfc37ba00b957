package io.realworld.api.config;

import java.util.Objects;

/**
 * A value that must never reach a log: a password, a password hash, a signing key. Its
 * {@code toString()} is a fixed redaction whatever it holds, so a record holding one keeps the
 * record's own {@code toString()} and may be logged; {@link #value()} gives the value to the one
 * call that needs it (hashing, verifying, connecting, signing).
 */
public record Secret(String value) {

  static final String REDACTED = "***";

  public Secret {
    Objects.requireNonNull(value, "value");
  }

  /** The secret of a value that may be absent: null stays null. */
  public static Secret of(String value) {
    return value == null ? null : new Secret(value);
  }

  @Override
  public String toString() {
    return REDACTED;
  }
}
