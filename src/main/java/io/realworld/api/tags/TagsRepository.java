package io.realworld.api.tags;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;

/** The SQL of tags. Tags are written with their articles, by the articles feature. */
public final class TagsRepository {

  /**
   * The spec pages no tag list, so its size is bounded here: the 100 most used (a tag cloud's
   * worth), not every tag ever written.
   */
  public static final int MAX_LISTED = 100;

  // tags no article carries any more are left out; the most used come first
  private static final String IN_USE = """
      SELECT t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id
      GROUP BY t.id, t.name
      ORDER BY count(*) DESC, t.name
      LIMIT %d""".formatted(MAX_LISTED);

  private final Pool pool;

  public TagsRepository(Pool pool) {
    this.pool = pool;
  }

  Future<List<String>> inUse() {
    return pool.preparedQuery(IN_USE).execute().map(rows -> {
      List<String> names = new ArrayList<>(rows.size());
      rows.forEach(row -> names.add(row.getString("name")));
      return names;
    });
  }
}
