package io.realworld.api.db;

import io.vertx.pgclient.PgException;

/** Recognises the constraint violations that repositories turn into answers instead of 500s. */
public final class SqlErrors {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String FOREIGN_KEY_VIOLATION = "23503";

  private SqlErrors() {
  }

  public static boolean isUniqueViolation(Throwable error, String constraint) {
    return constraint.equals(violatedUniqueConstraint(error));
  }

  /** The unique constraint a failed statement violated, or null when it violated none. */
  public static String violatedUniqueConstraint(Throwable error) {
    return error instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
        ? String.valueOf(pg.getConstraint()) : null;
  }

  /** A referenced row vanished: typically deleted by a concurrent request. */
  public static boolean isForeignKeyViolation(Throwable error) {
    return error instanceof PgException pg && FOREIGN_KEY_VIOLATION.equals(pg.getSqlState());
  }
}
