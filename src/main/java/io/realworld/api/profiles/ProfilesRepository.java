package io.realworld.api.profiles;

import io.realworld.api.db.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/** All SQL of the profiles feature: users seen by others, and who follows whom. */
public final class ProfilesRepository {

  private final Pool pool;

  public ProfilesRepository(Pool pool) {
    this.pool = pool;
  }

  /** The profile of a username (any case, as usernames are unique regardless of case). */
  Future<Optional<Profile>> findByUsername(String username, Long viewerId) {
    return pool.preparedQuery("SELECT " + ProfileSql.columnsSeenBy("$2")
            + " FROM users u WHERE lower(u.username) = lower($1)")
        .execute(Tuple.of(username, viewerId))
        .map(rows -> Rows.first(rows).map(ProfileSql::profile));
  }

  /**
   * Records the follow; following twice is one follow. Inserting from a select of the follower
   * adds nothing, rather than failing on the foreign key, when the follower's account is gone.
   */
  Future<Void> follow(long followerId, long followedId) {
    return pool.preparedQuery("INSERT INTO follows (follower_id, followed_id)"
            + " SELECT id, $2::bigint FROM users WHERE id = $1 ON CONFLICT DO NOTHING")
        .execute(Tuple.of(followerId, followedId))
        .mapEmpty();
  }

  Future<Void> unfollow(long followerId, long followedId) {
    return pool.preparedQuery("DELETE FROM follows WHERE follower_id = $1 AND followed_id = $2")
        .execute(Tuple.of(followerId, followedId))
        .mapEmpty();
  }
}
