package io.realworld.api.tags;

import io.vertx.core.Future;
import java.util.List;

/** The tags that articles carry. */
public final class TagsService {

  private final TagsRepository repository;

  public TagsService(TagsRepository repository) {
    this.repository = repository;
  }

  /** Every tag some article carries, the most used first. */
  public Future<List<String>> popular() {
    return repository.inUse();
  }
}
