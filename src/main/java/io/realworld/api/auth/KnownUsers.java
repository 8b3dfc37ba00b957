package io.realworld.api.auth;

import io.vertx.core.Future;

/**
 * Whether a token's claims still name an account: a token stays valid for days after it was
 * issued, so a well-signed token may name a user that is gone, or predate the user's latest
 * password change (which bumps the token version). Auth knows no feature, so the users feature
 * answers this through the wiring.
 */
@FunctionalInterface
public interface KnownUsers {

  Future<Boolean> accepts(long userId, int tokenVersion);
}
