package io.realworld.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.realworld.api.http.ApiError;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/** Feeds fuzzed text to a feature's input rules, the way a request body reaches them. */
public final class FuzzedBodies {

  private FuzzedBodies() {
  }

  /**
   * The rules' answer for a JSON object; null when the text is not one or the rules refuse it. A
   * refusal must be a 422: anything else thrown is a crash the fuzzer reports.
   */
  public static <T> T read(FuzzedDataProvider data, Function<JsonObject, T> rules) {
    JsonObject fields;
    try {
      fields = new JsonObject(data.consumeRemainingAsString());
    } catch (DecodeException | ClassCastException notAnObject) {
      return null;
    }
    try {
      return rules.apply(fields);
    } catch (ApiError refused) {
      assertThat(refused.status()).isEqualTo(422);
      return null;
    }
  }
}
