package io.realworld.api.tags;

import io.vertx.core.Future;
import java.util.List;

/** The tags that articles carry. */
public final class TagsService {

  private final TagsRepository repository;
  private final TagsInUse inUse;

  public TagsService(TagsRepository repository, TagsInUse inUse) {
    this.repository = repository;
    this.inUse = inUse;
  }

  /** Every tag some article carries, the most used first. */
  public Future<List<String>> popular() {
    List<String> remembered = inUse.fresh();
    if (remembered != null) {
      return Future.succeededFuture(remembered);
    }
    long askedAt = inUse.generation();
    return repository.inUse().onSuccess(names -> inUse.remember(names, askedAt));
  }

  /** Articles were created, changed or deleted: their tags may have changed. */
  public void articlesChanged() {
    inUse.forget();
  }
}
