package io.realworld.api.users;

import io.realworld.api.http.JsonFields;
import io.realworld.api.http.Lookalikes;
import io.realworld.api.http.Validation;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Reads and checks the fields of a {@code {"user": {...}}} body. Every problem is collected, so a
 * client learns all of them from one 422. Lengths count code points, so an emoji is one character.
 */
final class UserInput {

  static final int USERNAME_MAX = 64;
  /** The longest address SMTP can deliver to (RFC 5321 path limit). */
  static final int EMAIL_MAX = 254;
  static final int PASSWORD_MIN = 8;
  static final int PASSWORD_MAX = 256;
  static final int BIO_MAX = 10_000;
  static final int IMAGE_MAX = 2048;

  /** One @, something before it, and a dotted domain without spaces: a typo catcher, not RFC 5322. */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

  private final JsonObject fields;
  private final Validation problems = new Validation();

  UserInput(JsonObject fields) {
    this.fields = fields;
  }

  boolean has(String field) {
    return fields.containsKey(field);
  }

  /**
   * Trimmed and in Unicode NFC, so that one name typed as composed or decomposed characters is one
   * name; null when absent. Required or present, it must be a non-blank string without control,
   * invisible or direction characters: they would make two names look alike, or reorder the text
   * around a name wherever it is shown. Nor may it mix scripts as spoofs do (UTS #39).
   */
  String username(boolean required) {
    String username = text("username", required, true);
    if (username != null) {
      username = Normalizer.normalize(username, Normalizer.Form.NFC);
      atMost("username", username, USERNAME_MAX);
      if (username.codePoints().anyMatch(UserInput::hiddenOrControl)) {
        problems.add("username", "must not contain control, invisible or direction characters");
      } else if (Lookalikes.mixesScripts(username)) {
        problems.add("username", "must not mix scripts that look alike, such as Latin and Cyrillic");
      }
    }
    return username;
  }

  /** Like {@link #optionalText}, and then (once short enough) an http or https URL with a host. */
  String optionalUrl(String field, int max) {
    String url = optionalText(field, max);
    if (url != null && url.codePointCount(0, url.length()) <= max && !isWebUrl(url)) {
      problems.add(field, "must be an http or https URL");
    }
    return url;
  }

  private static boolean isWebUrl(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Cc, Cf (zero-width and bidi controls among them), line and paragraph separators, unassigned. */
  private static boolean hiddenOrControl(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR, Character.PRIVATE_USE, Character.SURROGATE,
          Character.UNASSIGNED -> true;
      default -> false;
    };
  }

  /** Trimmed; null when absent. Required or present, it must look like an address. */
  String email(boolean required) {
    String email = text("email", required, true);
    if (email != null && atMost("email", email, EMAIL_MAX) && !EMAIL.matcher(email).matches()) {
      problems.add("email", "is invalid");
    }
    return email;
  }

  /**
   * The email a login names: an unknown or odd one just fails to match, but one longer than any
   * address is refused before it reaches the throttle, whose budgets it would key.
   */
  String loginEmail() {
    String email = text("email", true, true);
    return email != null && atMost("email", email, EMAIL_MAX) ? email : null;
  }

  /** Taken as typed (spaces are part of a password); null when absent. */
  String password(boolean required, boolean checkStrength) {
    String password = text("password", required, false);
    if (password != null && checkStrength) {
      if (password.codePointCount(0, password.length()) < PASSWORD_MIN) {
        problems.add("password", "is too short (minimum is " + PASSWORD_MIN + " characters)");
      }
      atMost("password", password, PASSWORD_MAX);
    }
    return password;
  }

  /** Optional free text (bio, image): null, empty and absent all mean "no value". */
  String optionalText(String field, int max) {
    Object value = fields.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      problems.add(field, "must be a string");
      return null;
    }
    if (text.isBlank()) {
      return null;
    }
    atMost(field, text, max);
    return text;
  }

  /** Throws one 422 with every problem found so far. */
  void throwIfInvalid() {
    problems.throwIfInvalid();
  }

  private String text(String field, boolean required, boolean trim) {
    if (!required && !fields.containsKey(field)) {
      return null;
    }
    // lengths are checked after trimming, by the callers
    String text = JsonFields.requiredText(fields, field, Integer.MAX_VALUE, problems);
    return text != null && trim ? text.strip() : text;
  }

  private boolean atMost(String field, String value, int max) {
    return JsonFields.atMost(field, value, max, problems);
  }
}
