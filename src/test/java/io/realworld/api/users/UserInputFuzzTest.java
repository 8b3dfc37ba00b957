package io.realworld.api.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.realworld.api.support.FuzzedBodies;

/**
 * Coverage-guided fuzzing of the user bodies' rules (Jazzer). {@code make test} replays the
 * inputs in {@code UserInputFuzzTestInputs/}; to search for new ones, run with
 * {@code JAZZER_FUZZ=1} (see the README). The only failure a body may cause is a 422.
 */
class UserInputFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void registration(FuzzedDataProvider data) {
    NewUser user = FuzzedBodies.read(data, NewUser::from);
    if (user != null) {
      assertThat(user.username()).isNotBlank().isEqualTo(user.username().strip());
      assertThat(user.username().codePointCount(0, user.username().length()))
          .isLessThanOrEqualTo(UserInput.USERNAME_MAX);
      assertThat(user.email()).contains("@");
      String password = user.password().value();
      assertThat(password.codePointCount(0, password.length()))
          .isBetween(UserInput.PASSWORD_MIN, UserInput.PASSWORD_MAX);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void login(FuzzedDataProvider data) {
    Login login = FuzzedBodies.read(data, Login::from);
    if (login != null) {
      assertThat(login.email()).isNotBlank();
      assertThat(login.password().value()).isNotBlank();
    }
  }

  @FuzzTest(maxDuration = "30s")
  void update(FuzzedDataProvider data) {
    FuzzedBodies.read(data, UserUpdate::from);
  }
}
