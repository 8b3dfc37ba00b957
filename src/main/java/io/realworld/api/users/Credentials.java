package io.realworld.api.users;

import io.realworld.api.config.Secret;

/** A user with the stored password hash, which never leaves the users package. */
record Credentials(User user, Secret passwordHash) {
}
