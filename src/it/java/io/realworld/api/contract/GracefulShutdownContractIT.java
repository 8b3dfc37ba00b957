package io.realworld.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM, as platforms send it before they stop an instance. A request is made genuinely in
 * flight without any test-only endpoint: its headers announce a body of which only half is sent,
 * so the server is still reading it when the signal arrives.
 */
@DisplayNameGeneration(Sentences.class)
class GracefulShutdownContractIT {

  private final AppTarget target = AppTarget.current();

  @Test
  void aRequestInFlightAtSigtermCompletesAndTheProcessExits0WithinShutdownTimeout() throws Exception {
    Duration shutdownTimeout = Duration.ofSeconds(10);
    try (AppRun app = startWithShutdownTimeout(shutdownTimeout);
        Socket socket = new Socket(app.host(), app.port())) {
      socket.setSoTimeout((int) shutdownTimeout.toMillis());
      PartialRequest request = PartialRequest.begin(socket);
      Http.pause(Duration.ofMillis(300));

      long signalled = System.nanoTime();
      app.terminate();
      Http.pause(Duration.ofMillis(700));

      assertThat(app.awaitExit(Duration.ZERO)).as("exited with a request in flight").isEmpty();
      assertThat(readinessOfANewConnection(app)).as("readiness of a new connection while draining")
          .isIn(503, -1);
      String response = request.finish();
      assertThat(response).startsWith("HTTP/1.1 ").doesNotStartWith("HTTP/1.1 5");
      OptionalInt exit = app.awaitExit(shutdownTimeout);
      assertThat(exit).as("exit code (stdout: %s)", app.stdout()).hasValue(0);
      assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(shutdownTimeout);
    }
  }

  @Test
  void aRequestStillRunningAtTheShutdownTimeoutIsCutAndTheExitCodeIsNonZero() throws Exception {
    Duration shutdownTimeout = Duration.ofSeconds(2);
    try (AppRun app = startWithShutdownTimeout(shutdownTimeout);
        Socket socket = new Socket(app.host(), app.port())) {
      PartialRequest.begin(socket);
      Http.pause(Duration.ofMillis(300));

      long signalled = System.nanoTime();
      app.terminate();
      OptionalInt exit = app.awaitExit(shutdownTimeout.plusSeconds(15));
      Duration took = Duration.ofNanos(System.nanoTime() - signalled);

      assertThat(exit).as("exit code (stdout: %s)", app.stdout()).isPresent();
      assertThat(exit.getAsInt()).as("exit code").isNotZero();
      assertThat(took).as("waited for the request before cutting it")
          .isGreaterThanOrEqualTo(shutdownTimeout.minusMillis(200));
    }
  }

  private AppRun startWithShutdownTimeout(Duration timeout) {
    Map<String, String> env = SharedService.validEnvironment();
    env.put("SHUTDOWN_TIMEOUT", timeout.toSeconds() + "s");
    AppRun app = target.start(env);
    Http.awaitReady(app, SharedService.READY_TIMEOUT);
    return app;
  }

  /** -1: the connection was refused or closed, which is as good as 503 for a load balancer. */
  private static int readinessOfANewConnection(AppRun app) {
    try {
      return Http.get(app, "/api/v1/health/ready").statusCode();
    } catch (UncheckedIOException refused) {
      return -1;
    }
  }

  /** A registration whose body is sent in two halves. */
  private record PartialRequest(Socket socket, byte[] rest) {

    static PartialRequest begin(Socket socket) throws IOException {
      String name = "drain" + UUID.randomUUID().toString().substring(0, 8);
      byte[] body = ("{\"user\":{\"username\":\"" + name + "\",\"email\":\"" + name
          + "@example.com\",\"password\":\"correct horse battery staple\"}}")
          .getBytes(StandardCharsets.UTF_8);
      String head = "POST /api/users HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, body.length / 2);
      out.flush();
      byte[] rest = new byte[body.length - body.length / 2];
      System.arraycopy(body, body.length / 2, rest, 0, rest.length);
      return new PartialRequest(socket, rest);
    }

    /** Sends the rest of the body and reads the whole response (headers and Content-Length body). */
    String finish() throws IOException {
      socket.getOutputStream().write(rest);
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      int headEnd = -1;
      while (headEnd < 0) {
        int b = in.read();
        if (b < 0) {
          throw new AssertionError("connection closed before a complete response: " + received);
        }
        received.write(b);
        headEnd = received.toString(StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
      }
      String head = received.toString(StandardCharsets.ISO_8859_1);
      int length = head.lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
          .map(line -> Integer.parseInt(line.substring(15).trim())).findFirst().orElse(0);
      byte[] body = in.readNBytes(length);
      assertThat(body).as("response body").hasSize(length);
      return head + new String(body, StandardCharsets.UTF_8);
    }
  }
}
