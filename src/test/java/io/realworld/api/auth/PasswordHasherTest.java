package io.realworld.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private static Vertx vertx;
  private static PasswordHasher hasher;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    hasher = new PasswordHasher(vertx);
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void theHashedPasswordMatchesAndAnotherDoesNot() {
    String hash = hasher.hash("correct horse battery").await();

    assertThat(hash).startsWith("$argon2id$").doesNotContain("correct horse battery");
    assertThat(hasher.verify("correct horse battery", hash).await()).isTrue();
    assertThat(hasher.verify("correct horse batterY", hash).await()).isFalse();
  }

  @Test
  void hashesOfOnePasswordDifferBySalt() {
    assertThat(hasher.hash("same password").await()).isNotEqualTo(hasher.hash("same password").await());
  }

  @Test
  void withoutAHashNothingMatches() {
    assertThat(hasher.verify("no such user: equal-time dummy", null).await()).isFalse();
  }
}
