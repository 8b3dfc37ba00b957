package io.realworld.api.articles;

import java.util.List;

/** A valid article to create; {@code tagList} is without duplicates. */
public record NewArticle(String title, String description, String body, List<String> tagList) {

  public NewArticle {
    tagList = List.copyOf(tagList);
  }
}
