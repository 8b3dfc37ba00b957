package io.realworld.api.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/** Adapts a handler that answers with a Future: a thrown or failed error goes to the failure handler. */
public final class Handlers {

  private Handlers() {
  }

  public static Handler<RoutingContext> async(Function<RoutingContext, Future<?>> handler) {
    return ctx -> {
      Future<?> result;
      try {
        result = handler.apply(ctx);
      } catch (RuntimeException e) {
        ctx.fail(e);
        return;
      }
      result.onFailure(error -> {
        if (!ctx.response().ended()) {
          ctx.fail(error);
        }
      });
    };
  }
}
