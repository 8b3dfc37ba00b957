package io.realworld.api.auth;

import io.realworld.api.config.RateLimit;
import io.realworld.api.http.ApiError;
import io.realworld.api.http.ClientAddress;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Rate limits on writes, checked by a route handler before the request's own handler runs, so a
 * refused write has done nothing: every authenticated write spends a token of its account
 * (WRITE_RATE_PER_ACCOUNT), every sign-up a token of its client address (SIGNUP_RATE_PER_CLIENT).
 * Over the limit: 429 with {@code Retry-After}. The buckets are {@link TokenBuckets}: bounded in
 * keys and bytes, idle keys forgotten; the keys are an account's internal id, and a client
 * address of at most {@link ClientAddress#MAX_LENGTH} characters. Shared by every event loop; a
 * check holds a lock for a few arithmetic operations, never waits.
 */
public final class WriteLimits {

  private final TokenBuckets accounts;
  private final TokenBuckets clients;

  public WriteLimits(RateLimit perAccount, RateLimit signupsPerClient) {
    this(perAccount, signupsPerClient, System::nanoTime);
  }

  WriteLimits(RateLimit perAccount, RateLimit signupsPerClient, LongSupplier nanoTime) {
    this.accounts = new TokenBuckets(perAccount.perMinute(), perAccount.burst(), nanoTime);
    this.clients = new TokenBuckets(signupsPerClient.perMinute(), signupsPerClient.burst(),
        nanoTime);
  }

  /** After {@link TokenAuthHandler#required()}: spends a write of the caller's account. */
  public Handler<RoutingContext> perAccount() {
    return ctx -> proceedUnless(ctx, accountWrite(AuthenticatedUser.required(ctx).id()), "writes");
  }

  /** Spends a sign-up of the client's address. */
  public Handler<RoutingContext> signupPerClient() {
    return ctx -> proceedUnless(ctx, signup(ClientAddress.of(ctx)), "registrations");
  }

  Optional<Duration> accountWrite(long accountId) {
    return accounts.acquire(List.of(Long.toString(accountId)));
  }

  Optional<Duration> signup(String clientAddress) {
    return clients.acquire(List.of(clientAddress));
  }

  int accountKeys() {
    return accounts.size();
  }

  int clientKeys() {
    return clients.size();
  }

  private static void proceedUnless(RoutingContext ctx, Optional<Duration> wait, String field) {
    if (wait.isPresent()) {
      ctx.fail(ApiError.rateLimited(field, wait.get()));
    } else {
      ctx.next();
    }
  }
}
