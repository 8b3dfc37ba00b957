package io.realworld.api.db;

import io.realworld.api.config.DatabaseUrl;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Flyway. Flyway speaks JDBC and blocks: this is the one
 * blocking step of the service, run at start on a worker thread, never on an event loop. Flyway
 * takes a PostgreSQL advisory lock, so replicas that start together apply each migration once.
 */
public final class SchemaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

  private SchemaMigration() {
  }

  public static MigrateResult migrate(DatabaseUrl url, int connectTimeoutSeconds) {
    Flyway flyway = Flyway.configure()
        .dataSource(url.jdbcUrl(connectTimeoutSeconds), url.user(), url.revealPassword())
        .locations("classpath:db/migration")
        .connectRetries(0)
        .load();
    MigrateResult result = flyway.migrate();
    LOG.info("schema is current at version {} ({} migrations applied)",
        result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
        result.migrationsExecuted);
    return result;
  }
}
