package io.realworld.api.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Abusive clients on raw sockets, one thread, non-blocking: what a server must bound.
 *
 * <ul>
 *   <li>{@code slowloris <port> <sockets> <seconds> <trickleMs> <opensPerSecond>}: opens up to
 *       that many connections a second, up to sockets at a time; each starts a request and sends
 *       one more header byte every trickleMs, never finishing the headers; a socket the server
 *       closes is opened again, as an attacker would. Prints how many connections were opened,
 *       how many the server closed, how long it let them live, and the most held at once.</li>
 *   <li>{@code connections <port> <sockets>}: opens that many connections at once, then sends a
 *       complete request on each; prints how many were answered, closed, or left silent.</li>
 * </ul>
 */
public final class SlowClients {

  private static final byte[] REQUEST_START =
      "GET /api/tags HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LIVE = ("GET /api/v1/health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

  private SlowClients() {
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[1]);
    int sockets = Integer.parseInt(args[2]);
    if (args[0].equals("slowloris")) {
      slowloris(port, sockets, Integer.parseInt(args[3]), Integer.parseInt(args[4]),
          Integer.parseInt(args[5]));
    } else {
      connections(port, sockets);
    }
  }

  private static final class Slow {
    SocketChannel channel;
    long openedAt;
  }

  private static void slowloris(int port, int count, int seconds, int trickleMs,
      int opensPerSecond) throws InterruptedException {
    InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
    List<Slow> slow = new ArrayList<>();
    List<Long> lifetimes = new ArrayList<>();
    int opened = 0;
    int failedToOpen = 0;
    int mostHeld = 0;
    double openBudget = 0;
    for (int i = 0; i < count; i++) {
      slow.add(new Slow());
    }
    long end = System.currentTimeMillis() + seconds * 1000L;
    ByteBuffer scratch = ByteBuffer.allocate(4096);
    while (System.currentTimeMillis() < end) {
      openBudget = Math.min(openBudget + opensPerSecond * trickleMs / 1000.0, opensPerSecond);
      int held = 0;
      for (Slow client : slow) {
        long now = System.currentTimeMillis();
        try {
          if (client.channel == null) {
            if (openBudget < 1) {
              continue;
            }
            openBudget--;
            client.channel = SocketChannel.open(server);
            client.channel.configureBlocking(false);
            client.channel.write(ByteBuffer.wrap(REQUEST_START));
            client.openedAt = now;
            opened++;
          } else {
            scratch.clear();
            if (client.channel.read(scratch) < 0) {
              throw new IOException("closed by the server");
            }
            client.channel.write(ByteBuffer.wrap(new byte[] {'a'}));
          }
          held++;
        } catch (IOException e) {
          if (client.channel == null) {
            failedToOpen++;
          } else {
            lifetimes.add(now - client.openedAt);
            close(client.channel);
            client.channel = null;
          }
        }
      }
      mostHeld = Math.max(mostHeld, held);
      Thread.sleep(trickleMs);
    }
    int stillOpen = 0;
    for (Slow client : slow) {
      if (client.channel != null) {
        stillOpen++;
        close(client.channel);
      }
    }
    long[] sorted = lifetimes.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("slowloris: %d connections opened (%d failed to open), %d closed by the"
        + " server after p50 %d ms max %d ms, %d still open after %d s; held at most %d at once%n",
        opened, failedToOpen, sorted.length,
        sorted.length == 0 ? -1 : Summary.percentile(sorted, 50),
        sorted.length == 0 ? -1 : sorted[sorted.length - 1], stillOpen, seconds, mostHeld);
  }

  private static void connections(int port, int count) throws InterruptedException {
    InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
    SocketChannel[] channels = new SocketChannel[count];
    String[] outcomes = new String[count];
    for (int i = 0; i < count; i++) {
      try {
        channels[i] = SocketChannel.open(server);
        channels[i].configureBlocking(false);
      } catch (IOException e) {
        outcomes[i] = "refused";
      }
    }
    // all held at once; then each asks for something
    Thread.sleep(1_000);
    ByteBuffer[] replies = new ByteBuffer[count];
    for (int i = 0; i < count; i++) {
      replies[i] = ByteBuffer.allocate(64);
      if (channels[i] != null) {
        try {
          channels[i].write(ByteBuffer.wrap(LIVE));
        } catch (IOException e) {
          outcomes[i] = "closed";
        }
      }
    }
    long deadline = System.currentTimeMillis() + 5_000;
    while (System.currentTimeMillis() < deadline
        && Arrays.stream(outcomes).anyMatch(outcome -> outcome == null)) {
      for (int i = 0; i < count; i++) {
        if (outcomes[i] == null) {
          outcomes[i] = poll(channels[i], replies[i]);
        }
      }
      Thread.sleep(20);
    }
    int answered = 0;
    int rejected = 0;
    int closed = 0;
    int silent = 0;
    for (int i = 0; i < count; i++) {
      String outcome = outcomes[i] == null ? "silent" : outcomes[i];
      switch (outcome) {
        case "200" -> answered++;
        case "closed", "refused" -> closed++;
        case "silent" -> silent++;
        default -> rejected++;
      }
      if (channels[i] != null) {
        close(channels[i]);
      }
    }
    System.out.printf("connections: %d held at once; %d answered 200, %d answered with another"
        + " status, %d refused or closed by the server, %d got no answer in 5 s%n", count,
        answered, rejected, closed, silent);
  }

  /** The status once a status line arrived, "closed" on EOF, null while waiting. */
  private static String poll(SocketChannel channel, ByteBuffer reply) {
    try {
      if (channel.read(reply) < 0 && reply.position() < 12) {
        return "closed";
      }
    } catch (IOException e) {
      return "closed";
    }
    if (reply.position() >= 12) {
      return new String(reply.array(), 9, 3, StandardCharsets.US_ASCII);
    }
    return null;
  }

  private static void close(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing to do: the socket is gone either way
    }
  }
}
