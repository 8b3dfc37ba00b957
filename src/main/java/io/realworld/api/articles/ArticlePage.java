package io.realworld.api.articles;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** One page of a list, and how many articles match in all. */
public record ArticlePage(List<Article> articles, long articlesCount) {

  public ArticlePage {
    articles = List.copyOf(articles);
  }

  public JsonObject toJson() {
    JsonArray items = new JsonArray();
    articles.forEach(article -> items.add(article.toSummaryJson()));
    return new JsonObject().put("articles", items).put("articlesCount", articlesCount);
  }
}
