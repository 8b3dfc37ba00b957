package io.realworld.api.articles;

import java.util.List;

/** A valid update: null fields stay as they are; a non-null {@code tagList} replaces the tags. */
public record ArticleChanges(String title, String description, String body, List<String> tagList) {

  public ArticleChanges {
    tagList = tagList == null ? null : List.copyOf(tagList);
  }
}
