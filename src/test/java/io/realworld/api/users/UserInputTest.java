package io.realworld.api.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realworld.api.config.Secret;
import io.realworld.api.http.ApiError;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserInputTest {

  @Test
  void aRegistrationIsTrimmedExceptForThePassword() {
    NewUser user = NewUser.from(new JsonObject()
        .put("username", "  jake ").put("email", " jake@example.com ").put("password", " spaced out "));

    assertThat(user).isEqualTo(new NewUser("jake", "jake@example.com", new Secret(" spaced out ")));
  }

  @Test
  void lengthsCountCharactersNotUtf16Units() {
    String emojiName = "😀".repeat(UserInput.USERNAME_MAX);

    assertThat(NewUser.from(registration(emojiName, "e@example.com", "🔑".repeat(8))).username())
        .isEqualTo(emojiName);
    assertThat(errorsOf(() -> NewUser.from(registration(emojiName + "😀", "e@example.com", "🔑".repeat(7)))))
        .containsOnlyKeys("username", "password");
  }

  @Test
  void passwordsFrom8To256CharactersAreAccepted() {
    for (int length : List.of(8, 64, 256)) {
      assertThat(NewUser.from(registration("jake", "jake@example.com", "p".repeat(length))).password().value())
          .hasSize(length);
    }
    assertThat(errorsOf(() -> NewUser.from(registration("jake", "jake@example.com", "p".repeat(7)))))
        .isEqualTo(Map.of("password", List.of("is too short (minimum is 8 characters)")));
    assertThat(errorsOf(() -> NewUser.from(registration("jake", "jake@example.com", "p".repeat(257)))))
        .isEqualTo(Map.of("password", List.of("is too long (maximum is 256 characters)")));
  }

  @Test
  void plausibleEmailsPassAndTyposDoNot() {
    for (String email : List.of("a@b.co", "first.last+tag@sub.example.org", "zoë@exämple.de")) {
      assertThat(NewUser.from(registration("jake", email, "12345678")).email()).isEqualTo(email);
    }
    for (String email : List.of("plain", "@example.com", "a@", "a@b", "a@.com", "a@b.", "a b@c.de", "a@b@c.de")) {
      assertThat(errorsOf(() -> NewUser.from(registration("jake", email, "12345678"))))
          .as(email).isEqualTo(Map.of("email", List.of("is invalid")));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ja\u0000ke", "ja\u200Bke", "ja\u202Eke", "ja\u2066ke", "ja\uFEFFke",
      "ja\u2028ke", "ja\uE000ke"})
  void controlInvisibleAndDirectionCharactersInAUsernameAreRefused(String username) {
    assertThat(errorsOf(() -> NewUser.from(registration(username, "j@example.com", "12345678"))))
        .isEqualTo(Map.of("username",
            List.of("must not contain control, invisible or direction characters")));
  }

  /** "é" typed as one code point or as e + combining acute accent is one name. */
  @Test
  void usernamesAreKeptInUnicodeNfc() {
    NewUser decomposed = NewUser.from(registration("Jose\u0301", "j@example.com", "12345678"));

    assertThat(decomposed.username()).isEqualTo("Jos\u00E9");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x.png", "javascript:alert(1)", "data:image/png;base64,AAAA",
      "ftp://example.com/a.png", "https://", "//example.com/a.png"})
  void anImageMustBeAnHttpOrHttpsUrl(String image) {
    assertThat(errorsOf(() -> UserUpdate.from(new JsonObject().put("image", image))))
        .isEqualTo(Map.of("image", List.of("must be an http or https URL")));
  }

  @Test
  void anHttpsImageIsTakenAsGiven() {
    assertThat(UserUpdate.from(new JsonObject().put("image", "HTTPS://example.com/a.png")).image())
        .isEqualTo("HTTPS://example.com/a.png");
  }

  @Test
  void anUpdateTellsAbsentFromClearedFromSet() {
    UserUpdate nothing = UserUpdate.from(new JsonObject());
    UserUpdate cleared = UserUpdate.from(new JsonObject().put("bio", "").putNull("image"));
    UserUpdate set = UserUpdate.from(new JsonObject().put("bio", "hi").put("image", "https://example.com/x.png"));

    assertThat(nothing).isEqualTo(new UserUpdate(null, null, null, false, null, false, null));
    assertThat(cleared).isEqualTo(new UserUpdate(null, null, null, true, null, true, null));
    assertThat(set).isEqualTo(new UserUpdate(null, null, null, true, "hi", true, "https://example.com/x.png"));
  }

  @Test
  void anUpdateMayNotBlankTheRequiredFields() {
    assertThat(errorsOf(() -> UserUpdate.from(new JsonObject()
        .putNull("username").put("email", "").put("password", "  "))))
        .isEqualTo(Map.of("username", List.of("can't be blank"), "email", List.of("can't be blank"),
            "password", List.of("can't be blank")));
  }

  @Test
  void secretsStayOutOfToString() {
    assertThat(new NewUser("jake", "j@example.com", new Secret("hunter22")).toString()).doesNotContain("hunter22");
    assertThat(new Login("j@example.com", new Secret("hunter22")).toString()).doesNotContain("hunter22");
    assertThat(UserUpdate.from(new JsonObject().put("password", "hunter22")).toString())
        .doesNotContain("hunter22");
  }

  private static JsonObject registration(String username, String email, String password) {
    return new JsonObject().put("username", username).put("email", email).put("password", password);
  }

  private static Map<String, List<String>> errorsOf(Runnable parse) {
    var thrown = assertThatThrownBy(parse::run).isInstanceOf(ApiError.class).actual();
    ApiError error = (ApiError) thrown;
    assertThat(error.status()).isEqualTo(422);
    return error.errors();
  }
}
