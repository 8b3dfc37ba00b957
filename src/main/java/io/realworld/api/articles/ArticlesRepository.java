package io.realworld.api.articles;

import io.realworld.api.articles.Slugs.SlugCandidates;
import io.realworld.api.db.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of articles and favorites. Writes of an article and its tags share one transaction; a
 * favorite and the article's favorites count change in one statement.
 */
public final class ArticlesRepository {

  static final String SLUG_CONSTRAINT = "articles_slug_key";

  private static final String BY_SLUG = "SELECT " + ArticleSelectSql.FULL_COLUMNS
      + " FROM articles a JOIN users u ON u.id = a.author_id WHERE a.slug = $2";
  private static final String BY_ID = "SELECT " + ArticleSelectSql.FULL_COLUMNS
      + " FROM articles a JOIN users u ON u.id = a.author_id WHERE a.id = $2";
  // the slug, unless another article took it: then the suffixed fallback
  private static final String INSERT = """
      INSERT INTO articles (slug, title, description, body, author_id, tag_list)
      VALUES (CASE WHEN EXISTS (SELECT 1 FROM articles WHERE slug = $1) THEN $2 ELSE $1 END,
              $3, $4, $5, $6, %s)
      RETURNING id""".formatted(ArticleTagsSql.sortedTagList(7));
  // a null $7 keeps the tags
  private static final String UPDATE = """
      UPDATE articles SET
        slug = CASE WHEN $2::text IS NULL THEN slug
                    WHEN EXISTS (SELECT 1 FROM articles o WHERE o.slug = $2 AND o.id <> $1) THEN $3
                    ELSE $2 END,
        title = coalesce($4, title), description = coalesce($5, description),
        body = coalesce($6, body),
        tag_list = CASE WHEN $7::text[] IS NULL THEN tag_list ELSE %s END,
        updated_at = now()
      WHERE id = $1""".formatted(ArticleTagsSql.sortedTagList(7));
  // The favorite and the article's count change in one statement, so one transaction; the count
  // moves only when a favorite was really added or removed, which makes both idempotent.
  private static final String FAVORITE = """
      WITH added AS (
        INSERT INTO favorites (user_id, article_id) VALUES ($1, $2)
        ON CONFLICT DO NOTHING RETURNING article_id)
      UPDATE articles SET favorites_count = favorites_count + 1
      WHERE id = (SELECT article_id FROM added)""";
  private static final String UNFAVORITE = """
      WITH removed AS (
        DELETE FROM favorites WHERE user_id = $1 AND article_id = $2 RETURNING article_id)
      UPDATE articles SET favorites_count = favorites_count - 1
      WHERE id = (SELECT article_id FROM removed)""";

  private final Pool pool;
  private final ArticleTagsSql tags = new ArticleTagsSql();

  public ArticlesRepository(Pool pool) {
    this.pool = pool;
  }

  Future<ArticlePage> page(ArticleFilter filter, Paging paging, Long viewerId) {
    ArticleListSql query = ArticleListSql.of(filter, paging, viewerId);
    return pool.preparedQuery(query.sql()).execute(query.parameters()).map(rows -> {
      List<Article> articles = new ArrayList<>();
      long count = 0;
      for (Row row : rows) {
        count = row.getLong("articles_count");
        if (row.getLong("id") != null) {
          articles.add(ArticleSelectSql.summary(row));
        }
      }
      return new ArticlePage(articles, count);
    });
  }

  Future<Optional<Article>> findBySlug(String slug, Long viewerId) {
    return pool.preparedQuery(BY_SLUG).execute(Tuple.of(viewerId, slug))
        .map(rows -> Rows.first(rows).map(ArticleSelectSql::full));
  }

  Future<Optional<Article>> findById(long id, Long viewerId) {
    return pool.preparedQuery(BY_ID).execute(Tuple.of(viewerId, id))
        .map(rows -> Rows.first(rows).map(ArticleSelectSql::full));
  }

  Future<Optional<ArticleRef>> findRef(String slug) {
    return pool.preparedQuery("SELECT id, author_id, title FROM articles WHERE slug = $1")
        .execute(Tuple.of(slug))
        .map(rows -> Rows.first(rows).map(ArticlesRepository::ref));
  }

  /** Inserts the article and its tags; a race for the slug fails with a unique violation. */
  Future<Long> insert(long authorId, SlugCandidates slug, NewArticle article) {
    return pool.withTransaction(tx -> tx.preparedQuery(INSERT)
        .execute(Tuple.of(slug.preferred(), slug.fallback(), article.title(),
            article.description(), article.body(), authorId,
            article.tagList().toArray(String[]::new)))
        .map(rows -> rows.iterator().next().getLong("id"))
        .compose(id -> tags.add(tx, id, article.tagList()).map(id)));
  }

  /** Applies the changes; false when the article is gone. {@code slug} null keeps the slug. */
  Future<Boolean> update(long id, SlugCandidates slug, ArticleChanges changes) {
    return pool.withTransaction(tx -> tx.preparedQuery(UPDATE)
        .execute(Tuple.of(id, slug == null ? null : slug.preferred(),
            slug == null ? null : slug.fallback(),
            changes.title(), changes.description(), changes.body(),
            changes.tagList() == null ? null : changes.tagList().toArray(String[]::new)))
        .compose(updated -> updated.rowCount() == 0 || changes.tagList() == null
            ? Future.succeededFuture(updated.rowCount() > 0)
            : tags.replace(tx, id, changes.tagList()).map(true)));
  }

  Future<Void> delete(long id) {
    return run(pool, "DELETE FROM articles WHERE id = $1", Tuple.of(id));
  }

  Future<Void> favorite(long userId, long articleId) {
    return run(pool, FAVORITE, Tuple.of(userId, articleId));
  }

  Future<Void> unfavorite(long userId, long articleId) {
    return run(pool, UNFAVORITE, Tuple.of(userId, articleId));
  }

  static Future<Void> run(SqlClient client, String sql, Tuple parameters) {
    return client.preparedQuery(sql).execute(parameters).mapEmpty();
  }

  private static ArticleRef ref(Row row) {
    return new ArticleRef(row.getLong("id"), row.getLong("author_id"), row.getString("title"));
  }
}
