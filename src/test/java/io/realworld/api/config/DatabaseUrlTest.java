package io.realworld.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void readsHerokusFormatWithEncodedCredentialsAndParameters() {
    DatabaseUrl url = DatabaseUrl.parse(
        "postgres://u%40ser:p%2Fss%3Aword@ec2-1-2-3-4.compute.amazonaws.com:5432/d8fk?sslmode=require");

    assertThat(url.user()).isEqualTo("u@ser");
    assertThat(url.revealPassword()).isEqualTo("p/ss:word");
    assertThat(url.host()).isEqualTo("ec2-1-2-3-4.compute.amazonaws.com");
    assertThat(url.database()).isEqualTo("d8fk");
    assertThat(url.sslMode()).isEqualTo("require");
  }

  @Test
  void defaultsThePortAndTheSslMode() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://localhost/conduit");

    assertThat(url.port()).isEqualTo(5432);
    assertThat(url.sslMode()).isEqualTo("prefer");
    assertThat(url.user()).isNull();
  }

  @Test
  void givesFlywayTheSameDatabaseAndTlsSettingsWithoutCredentials() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://app:secret@db:6000/conduit?sslmode=verify-full");

    assertThat(url.jdbcUrl(5))
        .isEqualTo("jdbc:postgresql://db:6000/conduit?connectTimeout=5&sslmode=verify-full")
        .doesNotContain("secret");
  }

  @Test
  void hidesThePasswordWhenPrinted() {
    assertThat(DatabaseUrl.parse("postgres://app:secret@db/conduit").toString())
        .isEqualTo("postgres://app:***@db:5432/conduit");
  }
}
