package io.realworld.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.TestApp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How a handler's failure is answered, over a real HTTP round trip through a router. */
class ErrorResponsesTest {

  private static final JsonObject DATABASE_UNAVAILABLE = new JsonObject().put("errors",
      new JsonObject().put("database", List.of("unavailable")));

  private static Vertx vertx;
  private static int port;
  private static Throwable nextFailure;

  @BeforeAll
  static void startServer() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.get("/fail").handler(ctx -> ctx.fail(nextFailure));
    router.route().failureHandler(new ErrorResponses());
    HttpServer server = vertx.createHttpServer().requestHandler(router)
        .listen(TestApp.freePort(), "127.0.0.1").await();
    port = server.actualPort();
  }

  @AfterAll
  static void stopServer() {
    vertx.close().await();
  }

  @Test
  void aDatabaseConnectionResetMidQueryIs503NotA500() throws Exception {
    // what vertx-pg-client fails a query with when PostgreSQL stops under it
    HttpResponse<String> response = failWith(new SocketException("Connection reset"));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(new JsonObject(response.body())).isEqualTo(DATABASE_UNAVAILABLE);
  }

  @Test
  void aRefusedOrClosedDatabaseConnectionIs503() throws Exception {
    assertThat(failWith(new ConnectException("Connection refused")).statusCode()).isEqualTo(503);
    assertThat(failWith(ClosedConnectionException.INSTANCE).statusCode()).isEqualTo(503);
  }

  @Test
  void anUnexpectedFailureIsAGeneric500() throws Exception {
    HttpResponse<String> response = failWith(new IllegalStateException("secret detail"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).doesNotContain("secret detail");
  }

  private static HttpResponse<String> failWith(Throwable failure) throws Exception {
    nextFailure = failure;
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fail")).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
