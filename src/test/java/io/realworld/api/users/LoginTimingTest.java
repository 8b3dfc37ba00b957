package io.realworld.api.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.Registrations;
import io.realworld.api.support.TestApp;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No user enumeration by timing: a failed login for a registered email takes as long as one for
 * an unknown email. Relative, not absolute: the medians of interleaved attempts are compared, so
 * a slow or busy machine slows both alike. Without the dummy hash for unknown emails they differ
 * by the whole Argon2 cost (tens of times).
 */
class LoginTimingTest {

  private static final int ATTEMPTS = 15;
  private final ApiClient api = TestApp.client();

  @Test
  void aWrongPasswordAndAnUnknownEmailTakeAsLong() {
    var registered = Registrations.register(api);
    List<Long> known = new ArrayList<>();
    List<Long> unknown = new ArrayList<>();
    time(registered.email()); // warm-up: class loading, the dummy hash, prepared statements
    time(ApiClient.unique("nobody") + "@example.com");
    for (int i = 0; i < ATTEMPTS; i++) {
      known.add(time(registered.email()));
      unknown.add(time(ApiClient.unique("nobody") + "@example.com"));
    }

    double ratio = (double) median(known) / median(unknown);
    System.out.printf("login timing: known email median %d µs, unknown %d µs, ratio %.2f%n",
        median(known) / 1000, median(unknown) / 1000, ratio);
    assertThat(ratio).isBetween(0.5, 2.0);
  }

  private long time(String email) {
    long start = System.nanoTime();
    var response = api.post("/api/users/login", new JsonObject().put("user",
        new JsonObject().put("email", email).put("password", "not-the-password")));
    long elapsed = System.nanoTime() - start;
    assertThat(response.status()).isEqualTo(401);
    return elapsed;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
