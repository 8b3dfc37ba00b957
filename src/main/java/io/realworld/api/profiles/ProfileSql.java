package io.realworld.api.profiles;

import io.vertx.sqlclient.Row;

/**
 * How a viewer sees a user, in SQL: the columns of a profile and their mapping. Every statement
 * that shows a user (a profile, an article's author, a comment's author) selects these columns of
 * {@code users u}, so {@code following} is computed once, the same way, in the statement itself.
 * The one persistence class other features may use (ArchitectureRules names it).
 */
public final class ProfileSql {

  private ProfileSql() {
  }

  /**
   * The profile columns of {@code users u} seen by the user id in {@code viewer} (a statement
   * parameter such as {@code $1}; null, an anonymous viewer, follows nobody).
   */
  public static String columnsSeenBy(String viewer) {
    return """
        u.id AS profile_id, u.username, u.bio, u.image,
        EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = %s AND f.followed_id = u.id) AS following"""
        .formatted(viewer);
  }

  public static Profile profile(Row row) {
    return new Profile(row.getLong("profile_id"), row.getString("username"), row.getString("bio"),
        row.getString("image"), row.getBoolean("following"));
  }
}
