package io.realworld.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.TestApp;
import org.junit.jupiter.api.Test;

class HealthRoutesTest {

  private final ApiClient api = TestApp.client();

  @Test
  void liveAnswers200() {
    var response = api.get("/api/v1/health/live");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getString("status")).isEqualTo("UP");
  }

  @Test
  void readyAnswers200WithEveryCheckUpWhenTheDatabaseAnswers() {
    var response = api.get("/api/v1/health/ready");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getJsonArray("checks").stream()
        .map(check -> ((io.vertx.core.json.JsonObject) check).getString("id")))
        .containsExactlyInAnyOrder("draining", "schema", "database");
  }

  @Test
  void aggregateHealthIsReadiness() {
    var response = api.get("/api/v1/health");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getString("outcome")).isEqualTo("UP");
  }

  @Test
  void everyResponseCarriesARequestIdAndEchoesTheCallersOwn() {
    assertThat(api.get("/api/v1/health/live").header("X-Request-Id")).isNotBlank();
  }
}
