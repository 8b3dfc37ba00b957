package io.realworld.api.support;

import io.realworld.api.auth.JwtTokens;
import io.realworld.api.config.DatabaseUrl;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Users made straight in the test database, with a valid token each: for tests of features that
 * need users but are not about registering them.
 */
public final class TestUsers {

  private static JwtTokens tokens;

  private TestUsers() {
  }

  /** A seeded user and a client that sends its token. */
  public record TestUser(long id, String username, String token, ApiClient api) {
  }

  /** A new user with a unique username, no bio and no image. */
  public static TestUser create() {
    return create(ApiClient.unique("user"), null, null);
  }

  public static TestUser create(String username, String bio, String image) {
    ApiClient api = TestApp.client(); // the service migrates the schema before it is ready
    long id = insertUser(username, bio, image);
    String token = tokens().issue(id, 0);
    return new TestUser(id, username, token, api.withToken(token));
  }

  /** A client with a new token for the user at its current token version (password changes). */
  public static ApiClient freshApi(TestUser user) {
    String sql = "SELECT token_version FROM users WHERE id = ?";
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, user.id());
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return TestApp.client().withToken(tokens().issue(user.id(), result.getInt(1)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the token version of " + user.username(), e);
    }
  }

  public static void follow(TestUser follower, TestUser followed) {
    execute("INSERT INTO follows (follower_id, followed_id) VALUES (?, ?)",
        follower.id(), followed.id());
  }

  /** Deletes the user (and, by cascade, all it wrote, favorited, followed); its token lives on. */
  public static void delete(TestUser user) {
    String sql = "DELETE FROM users WHERE id = ?";
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, user.id());
      if (statement.executeUpdate() != 1) {
        throw new IllegalStateException("user " + user.username() + " was not there to delete");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not delete user " + user.username(), e);
    }
  }

  private static long insertUser(String username, String bio, String image) {
    String sql = "INSERT INTO users (username, email, password_hash, bio, image)"
        + " VALUES (?, ?, 'not-a-hash: seeded by TestUsers', ?, ?) RETURNING id";
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, username);
      statement.setString(2, username + "@example.com");
      statement.setString(3, bio);
      statement.setString(4, image);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not seed user " + username, e);
    }
  }

  private static void execute(String sql, long first, long second) {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, first);
      statement.setLong(2, second);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not run " + sql, e);
    }
  }

  private static Connection connect() throws SQLException {
    DatabaseUrl url = DatabaseUrl.parse(TestDatabase.url());
    return DriverManager.getConnection(url.jdbcUrl(5), url.user(), url.revealPassword());
  }

  private static synchronized JwtTokens tokens() {
    if (tokens == null) {
      tokens = new JwtTokens(Vertx.vertx(), TestApp.JWT_SECRET);
    }
    return tokens;
  }
}
