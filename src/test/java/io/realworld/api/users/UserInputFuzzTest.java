package io.realworld.api.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.realworld.api.http.ApiError;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * Coverage-guided fuzzing of the user bodies' rules (Jazzer). {@code make test} replays the
 * inputs in {@code UserInputFuzzTestInputs/}; to search for new ones, run with
 * {@code JAZZER_FUZZ=1} (see the README). The only failure a body may cause is a 422.
 */
class UserInputFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void registration(FuzzedDataProvider data) {
    NewUser user = read(data, NewUser::from);
    if (user != null) {
      assertThat(user.username()).isNotBlank().isEqualTo(user.username().strip());
      assertThat(user.username().codePointCount(0, user.username().length()))
          .isLessThanOrEqualTo(UserInput.USERNAME_MAX);
      assertThat(user.email()).contains("@");
      assertThat(user.password().codePointCount(0, user.password().length()))
          .isBetween(UserInput.PASSWORD_MIN, UserInput.PASSWORD_MAX);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void login(FuzzedDataProvider data) {
    Login login = read(data, Login::from);
    if (login != null) {
      assertThat(login.email()).isNotBlank();
      assertThat(login.password()).isNotBlank();
    }
  }

  @FuzzTest(maxDuration = "30s")
  void update(FuzzedDataProvider data) {
    read(data, UserUpdate::from);
  }

  /** The rules' answer for a JSON object; null when the text is not one or the rules refuse it. */
  private static <T> T read(FuzzedDataProvider data, Function<JsonObject, T> rules) {
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
