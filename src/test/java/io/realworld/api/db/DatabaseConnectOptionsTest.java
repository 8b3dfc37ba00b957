package io.realworld.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.config.DatabaseUrl;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import org.junit.jupiter.api.Test;

/** How a DATABASE_URL becomes the pg client's connection options. */
class DatabaseConnectOptionsTest {

  @Test
  void takesEveryPartOfTheUrl() {
    PgConnectOptions options = Database.connectOptions(
        DatabaseUrl.parse("postgres://app:s3cret@db.internal:6543/conduit?sslmode=disable"));

    assertThat(options.getHost()).isEqualTo("db.internal");
    assertThat(options.getPort()).isEqualTo(6543);
    assertThat(options.getDatabase()).isEqualTo("conduit");
    assertThat(options.getUser()).isEqualTo("app");
    assertThat(options.getPassword()).isEqualTo("s3cret");
    assertThat(options.getSslMode()).isEqualTo(SslMode.DISABLE);
  }

  /** Trust authentication: the URL names no password, and none is made up. */
  @Test
  void acceptsAUrlWithoutAPassword() {
    PgConnectOptions options = Database.connectOptions(
        DatabaseUrl.parse("postgres://app@db.internal:6543/conduit"));

    assertThat(options.getUser()).isEqualTo("app");
    assertThat(options.getPassword()).isEmpty();
  }
}
