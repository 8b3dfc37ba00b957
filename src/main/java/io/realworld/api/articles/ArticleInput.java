package io.realworld.api.articles;

import io.realworld.api.http.JsonFields;
import io.realworld.api.http.Validation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates the {@code article} object of POST and PUT; every problem of a body comes back in one
 * 422. The limits are generous for writing and small enough to keep pages and indexes cheap.
 */
final class ArticleInput {

  static final int MAX_TITLE = 256;
  static final int MAX_DESCRIPTION = 1024;
  static final int MAX_BODY = 65_536;
  static final int MAX_TAG = 64;
  static final int MAX_TAGS = 20;

  private ArticleInput() {
  }

  static NewArticle forCreate(JsonObject article) {
    Validation validation = new Validation();
    String title = JsonFields.requiredText(article, "title", MAX_TITLE, validation);
    String description =
        JsonFields.requiredText(article, "description", MAX_DESCRIPTION, validation);
    String body = JsonFields.requiredText(article, "body", MAX_BODY, validation);
    List<String> tags = article.containsKey("tagList") ? tags(article, validation) : List.of();
    validation.throwIfInvalid();
    return new NewArticle(title, description, body, tags);
  }

  /** Absent fields stay unchanged; a present field follows the rules of creation. */
  static ArticleChanges forUpdate(JsonObject article) {
    Validation validation = new Validation();
    String title = JsonFields.optionalText(article, "title", MAX_TITLE, validation);
    String description =
        JsonFields.optionalText(article, "description", MAX_DESCRIPTION, validation);
    String body = JsonFields.optionalText(article, "body", MAX_BODY, validation);
    List<String> tags = article.containsKey("tagList") ? tags(article, validation) : null;
    validation.throwIfInvalid();
    return new ArticleChanges(title, description, body, tags);
  }

  /** Trimmed, duplicates dropped. */
  private static List<String> tags(JsonObject article, Validation validation) {
    if (!(article.getValue("tagList") instanceof JsonArray items)) {
      validation.add("tagList", "must be an array of strings");
      return List.of();
    }
    Set<String> tags = new LinkedHashSet<>();
    for (Object item : items) {
      if (!(item instanceof String text)) {
        validation.add("tagList", "must be an array of strings");
        return List.of();
      }
      String tag = text.trim();
      if (tag.isEmpty()) {
        validation.add("tagList", "can't contain a blank tag");
        return List.of();
      }
      if (tag.codePointCount(0, tag.length()) > MAX_TAG) {
        validation.add("tagList", "can't contain a tag longer than " + MAX_TAG + " characters");
        return List.of();
      }
      tags.add(tag);
    }
    if (tags.size() > MAX_TAGS) {
      validation.add("tagList", "can't have more than " + MAX_TAGS + " tags");
    }
    return new ArrayList<>(tags);
  }
}
