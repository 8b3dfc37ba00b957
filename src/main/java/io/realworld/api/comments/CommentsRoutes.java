package io.realworld.api.comments;

import static io.realworld.api.http.Handlers.async;

import io.realworld.api.auth.AuthenticatedUser;
import io.realworld.api.auth.TokenAuthHandler;
import io.realworld.api.auth.WriteLimits;
import io.realworld.api.http.RequestBodies;
import io.realworld.api.http.Responses;
import io.realworld.api.http.WriteGate;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** HTTP in and out for the comments of an article. */
public final class CommentsRoutes {

  private final CommentsService comments;

  private CommentsRoutes(CommentsService comments) {
    this.comments = comments;
  }

  public static void mount(Router router, TokenAuthHandler auth, WriteLimits writes,
      CommentsService comments) {
    CommentsRoutes routes = new CommentsRoutes(comments);
    router.get("/api/articles/:slug/comments").handler(auth.optional())
        .handler(async(routes::list));
    router.post("/api/articles/:slug/comments").handler(auth.required()).handler(writes.perAccount())
        .handler(async(routes::create));
    router.delete("/api/articles/:slug/comments/:id").handler(auth.required()).handler(writes.perAccount())
        .handler(async(routes::delete));
  }

  private Future<Void> list(RoutingContext ctx) {
    Long viewerId = AuthenticatedUser.viewerId(ctx);
    return comments.list(ctx.pathParam("slug"), viewerId).compose(list -> {
      JsonArray items = new JsonArray();
      list.forEach(comment -> items.add(comment.toJson()));
      return Responses.ok(ctx, new JsonObject().put("comments", items));
    });
  }

  private Future<Void> create(RoutingContext ctx) {
    NewComment comment = NewComment.from(RequestBodies.wrapped(ctx, "comment"));
    return comments.create(ctx.pathParam("slug"), AuthenticatedUser.required(ctx).id(), comment,
            WriteGate.of(ctx))
        .compose(created -> Responses.created(ctx,
            new JsonObject().put("comment", created.toJson())));
  }

  private Future<Void> delete(RoutingContext ctx) {
    return comments.delete(ctx.pathParam("slug"), ctx.pathParam("id"),
            AuthenticatedUser.required(ctx).id(), WriteGate.of(ctx))
        .compose(deleted -> Responses.noContent(ctx));
  }
}
