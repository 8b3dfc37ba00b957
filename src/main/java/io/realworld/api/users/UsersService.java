package io.realworld.api.users;

import io.realworld.api.auth.JwtTokens;
import io.realworld.api.auth.PasswordHasher;
import io.realworld.api.http.ApiError;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registration, login and the caller's own account. Passwords are stored and compared only as
 * Argon2id hashes.
 */
public final class UsersService {

  private final UsersRepository repository;
  private final PasswordHasher passwords;
  private final JwtTokens tokens;

  public UsersService(UsersRepository repository, PasswordHasher passwords, JwtTokens tokens) {
    this.repository = repository;
    this.passwords = passwords;
    this.tokens = tokens;
  }

  /** Registers a user; 409 naming every taken field, checked before the costly hash. */
  Future<User> register(NewUser newUser) {
    return repository.takenFields(newUser.username(), newUser.email(), null)
        .compose(UsersService::failIfTaken)
        .compose(free -> passwords.hash(newUser.password()))
        .compose(hash -> repository.insert(newUser.username(), newUser.email(), hash));
  }

  /**
   * The user whose email and password match; otherwise 401, as slow for an unknown email as for
   * a wrong password, so that the answer time does not tell which emails are registered.
   */
  Future<User> login(Login login) {
    return repository.findCredentialsByEmail(login.email()).compose(found -> {
      String hash = found.map(Credentials::passwordHash).orElse(null);
      return passwords.verify(login.password(), hash).compose(matches -> matches
          ? Future.succeededFuture(found.orElseThrow().user())
          : Future.failedFuture(ApiError.invalidCredentials()));
    });
  }

  /** A fresh token for a user who just registered or logged in. */
  String tokenFor(User user) {
    return tokens.issue(user.id());
  }

  /** The caller's account; 401 when a valid token names a user that no longer exists. */
  public Future<User> current(long userId) {
    return repository.findById(userId).compose(UsersService::orUnknownToken);
  }

  /** Changes the caller's fields; 409 when the new username or email belongs to someone else. */
  Future<User> update(long userId, UserUpdate update) {
    return repository.takenFields(update.username(), update.email(), userId)
        .compose(UsersService::failIfTaken)
        .compose(free -> update.password() == null
            ? Future.<String>succeededFuture(null) : passwords.hash(update.password()))
        .compose(hash -> repository.update(userId, update, hash))
        .compose(UsersService::orUnknownToken);
  }

  private static Future<Void> failIfTaken(Set<String> taken) {
    if (taken.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<String, List<String>> errors = new LinkedHashMap<>();
    taken.forEach(field -> errors.put(field, List.of("has already been taken")));
    return Future.failedFuture(new ApiError(409, errors));
  }

  private static Future<User> orUnknownToken(Optional<User> user) {
    return user.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(ApiError.unauthorized("is invalid")));
  }
}
