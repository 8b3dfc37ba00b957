package io.realworld.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
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
  void newHashesUseArgon2idWith7MibAnd5Iterations() {
    assertThat(hasher.hash("correct horse battery").await())
        .startsWith("$argon2id$v=19$m=7168,t=5,p=1$");
  }

  /** Hashes stored with the earlier setting (19 MiB, 2 iterations) keep verifying. */
  @Test
  void aHashMadeWithTheEarlierSettingStillVerifies() {
    String earlier = Password.hash("correct horse battery").addRandomSalt(16)
        .with(Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID)).getResult();

    assertThat(earlier).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(hasher.verify("correct horse battery", earlier).await()).isTrue();
    assertThat(hasher.verify("correct horse batterY", earlier).await()).isFalse();
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
