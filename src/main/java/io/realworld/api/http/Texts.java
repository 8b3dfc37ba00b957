package io.realworld.api.http;

/** What text the service accepts from clients, wherever it comes from (body, path, query). */
public final class Texts {

  private Texts() {
  }

  /** False for NUL (PostgreSQL refuses it in text) and for a surrogate without its pair. */
  public static boolean isStorable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
