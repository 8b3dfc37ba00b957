package io.realworld.api.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON answers; every body the API sends goes through here. */
public final class Responses {

  private static final String JSON = "application/json; charset=utf-8";

  private Responses() {
  }

  public static Future<Void> ok(RoutingContext ctx, JsonObject body) {
    return send(ctx, 200, body);
  }

  public static Future<Void> created(RoutingContext ctx, JsonObject body) {
    return send(ctx, 201, body);
  }

  public static Future<Void> noContent(RoutingContext ctx) {
    return ctx.response().setStatusCode(204).end();
  }

  public static Future<Void> send(RoutingContext ctx, int status, JsonObject body) {
    return ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", JSON)
        .end(body.toBuffer());
  }
}
