package io.realworld.api.articles;

/**
 * Which articles a list shows; each null criterion is no restriction. Usernames match regardless
 * of case, as they are unique regardless of case.
 *
 * @param tag articles carrying this tag
 * @param author articles written by this username
 * @param favoritedBy articles this username favorited
 * @param followedBy articles by the authors this user id follows (the feed)
 */
public record ArticleFilter(String tag, String author, String favoritedBy, Long followedBy) {

  public static ArticleFilter feedOf(long userId) {
    return new ArticleFilter(null, null, null, userId);
  }
}
