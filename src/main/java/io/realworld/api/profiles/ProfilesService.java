package io.realworld.api.profiles;

import io.realworld.api.http.ApiError;
import io.realworld.api.http.WriteGate;
import io.vertx.core.Future;

/** Profiles seen from a viewer, and following: the only rule is that nobody follows themselves. */
public final class ProfilesService {

  private final ProfilesRepository repository;

  public ProfilesService(ProfilesRepository repository) {
    this.repository = repository;
  }

  /** The profile of {@code username} as {@code viewerId} (null: anonymous) sees it; else 404. */
  public Future<Profile> find(String username, Long viewerId) {
    return repository.findByUsername(username, viewerId).compose(found -> found
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(ApiError.notFound("profile"))));
  }

  /** Follows; already following is fine. The schema forbids following yourself, so it is a 422. */
  Future<Profile> follow(long viewerId, String username, WriteGate gate) {
    return find(username, viewerId).compose(profile -> {
      if (profile.userId() == viewerId) {
        return Future.failedFuture(ApiError.unprocessable("profile", "cannot follow yourself"));
      }
      return gate.write(() -> repository.follow(viewerId, profile.userId()))
          .map(done -> profile.withFollowing(true));
    });
  }

  /** Unfollows; not following (yourself included) is fine. Neither writes after a 503. */
  Future<Profile> unfollow(long viewerId, String username, WriteGate gate) {
    return find(username, viewerId).compose(profile ->
        gate.write(() -> repository.unfollow(viewerId, profile.userId()))
            .map(done -> profile.withFollowing(false)));
  }
}
