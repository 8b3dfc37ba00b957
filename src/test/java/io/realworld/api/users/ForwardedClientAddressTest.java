package io.realworld.api.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.RawConnection;
import io.realworld.api.support.StandaloneApp;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Behind a trusted proxy (127.0.0.1 here) the login throttle's per-address budget is the real
 * client's, named by X-Forwarded-For or Forwarded; from any other peer those headers are ignored.
 * Every attempt uses a new email, so only the per-address budget can answer 429.
 */
class ForwardedClientAddressTest {

  private static final int BUDGET = 3;
  private static final String PROXY = "127.0.0.1";
  private static StandaloneApp app;

  @BeforeAll
  static void start() {
    app = StandaloneApp.startReady(Map.of("LOGIN_FAILURES_PER_MINUTE", Integer.toString(BUDGET),
        "TRUSTED_PROXIES", PROXY + ", 127.0.0.9"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void fromATrustedProxyTheForwardedClientIsThrottledAndNotTheProxy() {
    for (int i = 0; i < BUDGET; i++) {
      assertThat(failedLogin(PROXY, "X-Forwarded-For: 203.0.113.7")).startsWith("HTTP/1.1 401");
    }

    assertThat(failedLogin(PROXY, "X-Forwarded-For: 203.0.113.7"))
        .as("the forwarded client's budget is spent").startsWith("HTTP/1.1 429");
    assertThat(failedLogin(PROXY, "X-Forwarded-For: 203.0.113.8"))
        .as("another client behind the same proxy keeps its own").startsWith("HTTP/1.1 401");
  }

  @Test
  void whatTheClientPutBeforeTheProxysOwnEntryDoesNotChangeItsAddress() {
    for (int i = 0; i < BUDGET; i++) {
      assertThat(failedLogin(PROXY, "X-Forwarded-For: 198.51.100." + i + ", 203.0.113.20"))
          .startsWith("HTTP/1.1 401");
    }

    assertThat(failedLogin(PROXY, "X-Forwarded-For: 198.51.100.99, 203.0.113.20, 127.0.0.9"))
        .as("the last entry that is no trusted proxy is the client").startsWith("HTTP/1.1 429");
  }

  @Test
  void theStandardForwardedHeaderNamesTheClientToo() {
    for (int i = 0; i < BUDGET; i++) {
      assertThat(failedLogin(PROXY, "Forwarded: for=\"[2001:db8::" + (i + 1) + "]\", for=203.0.113.30;proto=https"))
          .startsWith("HTTP/1.1 401");
    }

    assertThat(failedLogin(PROXY, "Forwarded: for=203.0.113.30:4711"))
        .startsWith("HTTP/1.1 429");
  }

  @Test
  void fromAnUntrustedPeerTheHeadersAreIgnored() {
    String peer = "127.0.0.2";
    for (int i = 0; i < BUDGET; i++) {
      assertThat(failedLogin(peer, "X-Forwarded-For: 192.0.2." + i)).startsWith("HTTP/1.1 401");
    }

    assertThat(failedLogin(peer, "X-Forwarded-For: 192.0.2.200"))
        .as("a fresh forwarded address does not buy a fresh budget").startsWith("HTTP/1.1 429");
    assertThat(failedLogin(peer, "Forwarded: for=192.0.2.201")).startsWith("HTTP/1.1 429");
  }

  private static String failedLogin(String from, String header) {
    String body = new JsonObject().put("user", new JsonObject()
        .put("email", ApiClient.unique("nobody") + "@example.com").put("password", "guess"))
        .encode();
    try (RawConnection connection = RawConnection.openFrom(from, app.port())) {
      connection.send("POST /api/users/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
          + header + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
          + "\r\n\r\n" + body);
      return connection.readResponse(Duration.ofSeconds(10));
    }
  }
}
