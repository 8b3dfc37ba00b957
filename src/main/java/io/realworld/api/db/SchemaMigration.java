package io.realworld.api.db;

import io.realworld.api.config.DatabaseUrl;
import io.realworld.api.http.Lookalikes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    fillUsernameSkeletons(url, connectTimeoutSeconds);
    return result;
  }

  /** Any key of ours, so that replicas starting together fill the skeletons one at a time. */
  private static final long SKELETON_LOCK = 0x5ce1e7_0000_0005L;

  /**
   * Gives every user without one their username's confusable skeleton (see V5): ICU computes it,
   * SQL cannot. One indexed query when there is nothing to do. A row whose skeleton another user
   * has already (two lookalikes from before V5) keeps none, and neither user is renamed.
   */
  public static int fillUsernameSkeletons(DatabaseUrl url, int connectTimeoutSeconds) {
    String jdbcUrl = url.jdbcUrl(connectTimeoutSeconds);
    try (Connection connection = DriverManager.getConnection(jdbcUrl, url.user(), url.revealPassword())) {
      connection.setAutoCommit(false);
      int filled = 0;
      try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)");
          PreparedStatement missing = connection.prepareStatement(
              "SELECT id, username FROM users WHERE username_skeleton IS NULL ORDER BY id");
          PreparedStatement fill = connection.prepareStatement(
              "UPDATE users SET username_skeleton = ? WHERE id = ? AND NOT EXISTS"
                  + " (SELECT 1 FROM users WHERE username_skeleton = ?)")) {
        lock.setLong(1, SKELETON_LOCK);
        lock.execute();
        try (ResultSet rows = missing.executeQuery()) {
          while (rows.next()) {
            String skeleton = Lookalikes.skeleton(rows.getString("username"));
            fill.setString(1, skeleton);
            fill.setLong(2, rows.getLong("id"));
            fill.setString(3, skeleton);
            fill.addBatch();
          }
        }
        for (int count : fill.executeBatch()) {
          filled += Math.max(0, count);
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
      if (filled > 0) {
        LOG.info("filled in the username skeletons of {} users", filled);
      }
      return filled;
    } catch (SQLException e) {
      throw new IllegalStateException("could not fill in the usernames' skeletons", e);
    }
  }
}
