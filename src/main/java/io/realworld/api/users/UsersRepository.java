package io.realworld.api.users;

import io.realworld.api.config.Secret;
import io.realworld.api.db.Rows;
import io.realworld.api.db.SqlErrors;
import io.realworld.api.http.ApiError;
import io.realworld.api.http.Lookalikes;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * All SQL of the users feature. Usernames and emails compare case-insensitively, as indexed, and
 * usernames also by their confusable skeleton ({@link Lookalikes}): a lookalike is taken too.
 */
public final class UsersRepository {

  private static final String COLUMNS = "id, username, email, bio, image, token_version";

  private final Pool pool;

  public UsersRepository(Pool pool) {
    this.pool = pool;
  }

  /** Inserts a user; a username or email taken meanwhile by a concurrent request is a 409. */
  Future<User> insert(String username, String email, String passwordHash) {
    return pool.preparedQuery("INSERT INTO users (username, email, password_hash,"
            + " username_skeleton) VALUES ($1, $2, $3, $4) RETURNING " + COLUMNS)
        .execute(Tuple.of(username, email, passwordHash, Lookalikes.skeleton(username)))
        .recover(UsersRepository::conflictAsTaken)
        .map(rows -> user(rows.iterator().next()));
  }

  Future<Optional<User>> findById(long id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM users WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> Rows.first(rows).map(UsersRepository::user));
  }

  Future<Boolean> hasTokenVersion(long id, int tokenVersion) {
    return pool.preparedQuery("SELECT 1 FROM users WHERE id = $1 AND token_version = $2")
        .execute(Tuple.of(id, tokenVersion))
        .map(rows -> rows.size() > 0);
  }

  Future<Optional<Credentials>> findCredentialsByEmail(String email) {
    return pool.preparedQuery("SELECT " + COLUMNS + ", password_hash FROM users"
            + " WHERE lower(email) = lower($1)")
        .execute(Tuple.of(email))
        .map(rows -> Rows.first(rows).map(row -> new Credentials(user(row),
            new Secret(row.getString("password_hash")))));
  }

  /**
   * Which of "username" and "email" another user already has (null values and {@code exceptId}
   * are not compared), so that a conflict is found before any password is hashed.
   */
  Future<Set<String>> takenFields(String username, String email, Long exceptId) {
    return pool.preparedQuery("SELECT bool_or(lower(username) = lower($1)"
            + " OR username_skeleton = $4) AS username,"
            + " bool_or(lower(email) = lower($2)) AS email FROM users"
            + " WHERE (lower(username) = lower($1) OR username_skeleton = $4"
            + " OR lower(email) = lower($2)) AND id IS DISTINCT FROM $3::bigint")
        .execute(Tuple.of(username, email, exceptId, skeletonOrNull(username)))
        .map(rows -> {
          Row row = rows.iterator().next();
          Set<String> taken = new LinkedHashSet<>();
          if (Boolean.TRUE.equals(row.getBoolean("username"))) {
            taken.add("username");
          }
          if (Boolean.TRUE.equals(row.getBoolean("email"))) {
            taken.add("email");
          }
          return taken;
        });
  }

  /**
   * Applies the update in one statement; empty when the user no longer exists. A new password
   * bumps the token version, which revokes every token issued before.
   */
  Future<Optional<User>> update(long id, UserUpdate update, String passwordHashOrNull) {
    return pool.preparedQuery("UPDATE users SET"
            + " username = COALESCE($2, username),"
            + " username_skeleton = COALESCE($9, username_skeleton),"
            + " email = COALESCE($3, email),"
            + " password_hash = COALESCE($4, password_hash),"
            + " token_version = token_version + CASE WHEN $4 IS NULL THEN 0 ELSE 1 END,"
            + " bio = CASE WHEN $5 THEN $6 ELSE bio END,"
            + " image = CASE WHEN $7 THEN $8 ELSE image END,"
            + " updated_at = now()"
            + " WHERE id = $1 RETURNING " + COLUMNS)
        .execute(Tuple.of(id, update.username(), update.email(), passwordHashOrNull,
            update.setsBio(), update.bio(), update.setsImage(), update.image(),
            skeletonOrNull(update.username())))
        .recover(UsersRepository::conflictAsTaken)
        .map(rows -> Rows.first(rows).map(UsersRepository::user));
  }

  private static String skeletonOrNull(String username) {
    return username == null ? null : Lookalikes.skeleton(username);
  }

  private static <T> Future<T> conflictAsTaken(Throwable error) {
    String constraint = SqlErrors.violatedUniqueConstraint(error);
    if (constraint != null) {
      return Future.failedFuture(ApiError.taken(constraint.contains("email") ? "email" : "username"));
    }
    return Future.failedFuture(error);
  }

  private static User user(Row row) {
    return new User(row.getLong("id"), row.getString("username"), row.getString("email"),
        row.getString("bio"), row.getString("image"), row.getInteger("token_version"));
  }
}
