package io.realworld.api.auth;

import io.vertx.core.Future;

/**
 * Whether a user id still names an account. A token stays valid for days after it was issued, so a
 * well-signed token may name a user that is gone; auth knows no feature, so the users feature
 * answers this through the wiring.
 */
@FunctionalInterface
public interface KnownUsers {

  Future<Boolean> exists(long userId);
}
