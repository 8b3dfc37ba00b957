package io.realworld.api.articles;

/** The facts about an article that authorization and slug decisions need. */
record ArticleRef(long id, long authorId, String title) {
}
