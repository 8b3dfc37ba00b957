package io.realworld.api.tags;

import static io.realworld.api.http.Handlers.async;

import io.realworld.api.http.Responses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/** HTTP in and out for tags. */
public final class TagsRoutes {

  private TagsRoutes() {
  }

  public static void mount(Router router, TagsService tags) {
    router.get("/api/tags").handler(async(ctx -> tags.popular()
        .compose(names -> Responses.ok(ctx, new JsonObject().put("tags", new JsonArray(names))))));
  }
}
