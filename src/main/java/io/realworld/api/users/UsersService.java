package io.realworld.api.users;

import io.realworld.api.auth.JwtTokens;
import io.realworld.api.auth.LoginThrottle;
import io.realworld.api.auth.PasswordHasher;
import io.realworld.api.http.ApiError;
import io.realworld.api.http.WriteGate;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
  private final LoginThrottle throttle;

  public UsersService(UsersRepository repository, PasswordHasher passwords, JwtTokens tokens,
      LoginThrottle throttle) {
    this.repository = repository;
    this.passwords = passwords;
    this.tokens = tokens;
    this.throttle = throttle;
  }

  /**
   * Registers a user; 409 naming every taken field, checked before the costly hash. Nothing is
   * written once the client was answered 503 (the gate is closed).
   */
  Future<User> register(NewUser newUser, WriteGate gate) {
    return repository.takenFields(newUser.username(), newUser.email(), null)
        .compose(UsersService::failIfTaken)
        .compose(free -> passwords.hash(newUser.password().value()))
        .compose(hash -> gate.write(
            () -> repository.insert(newUser.username(), newUser.email(), hash)));
  }

  /**
   * The user whose email and password match; otherwise 401, as slow for an unknown email as for
   * a wrong password, so that the answer time does not tell which emails are registered. 429
   * once the client's address or the email has spent its budget of failures: both count, so
   * neither many addresses against one account nor one address against many accounts can guess
   * on. Known and unknown emails spend alike.
   *
   * <p>The email's budget does not apply at an address where this email has logged in before:
   * otherwise anyone could keep the owner out of their account by failing on purpose with the
   * owner's email. The owner's address still has its own budget, so guessing from it is no faster.
   */
  Future<User> login(Login login, String clientAddress) {
    String email = login.email().toLowerCase(Locale.ROOT);
    String address = "address:" + clientAddress;
    String knownHere = "login:" + email + " at " + clientAddress;
    List<String> keys = throttle.hasSucceeded(knownHere)
        ? List.of(address) : List.of(address, "email:" + email);
    Optional<Duration> wait = throttle.acquire(keys);
    if (wait.isPresent()) {
      return Future.failedFuture(ApiError.tooManyAttempts("login", wait.get()));
    }
    return repository.findCredentialsByEmail(login.email()).compose(found -> {
      String hash = found.map(credentials -> credentials.passwordHash().value()).orElse(null);
      return passwords.verify(login.password().value(), hash).compose(matches -> matches
          ? Future.succeededFuture(found.orElseThrow().user())
          : Future.failedFuture(ApiError.invalidCredentials()));
    }).onComplete(result -> {
      if (result.succeeded()) {
        throttle.rememberSuccess(knownHere);
      }
      // only a wrong password spends the budget; a success or an outage gives the attempt back
      if (result.succeeded() || !(result.cause() instanceof ApiError error && error.status() == 401)) {
        throttle.release(keys);
      }
    });
  }

  /** A fresh token for a user who just registered, logged in or changed their account. */
  String tokenFor(User user) {
    return tokens.issue(user.id(), user.tokenVersion());
  }

  /** The caller's account; 401 when a valid token names a user that no longer exists. */
  public Future<User> current(long userId) {
    return repository.findById(userId).compose(UsersService::orUnknownToken);
  }

  /**
   * Whether the id still names an account whose tokens are at this version: a token outlives the
   * user it was issued to, and the password it was issued under.
   */
  public Future<Boolean> acceptsToken(long userId, int tokenVersion) {
    return repository.hasTokenVersion(userId, tokenVersion);
  }

  /**
   * Changes the caller's fields; 409 when the new username or email belongs to someone else.
   * Nothing is written once the client was answered 503.
   */
  Future<User> update(long userId, UserUpdate update, WriteGate gate) {
    return repository.takenFields(update.username(), update.email(), userId)
        .compose(UsersService::failIfTaken)
        .compose(free -> update.password() == null
            ? Future.<String>succeededFuture(null) : passwords.hash(update.password().value()))
        .compose(hash -> gate.write(() -> repository.update(userId, update, hash)))
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
