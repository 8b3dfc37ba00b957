package io.realworld.api.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of a server that a test can pause: while paused, bytes that arrive are
 * held, in both directions, and delivered once it resumes. For a database that stalls without
 * failing (a lock, a full disk, a network hiccup), so that a request waits on it as long as the
 * test wants. {@link #pauseAtReplyContaining} stalls at one chosen reply: a request's read, after
 * its token was checked and before its write.
 */
public final class PausableProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  private boolean paused;
  private byte[] marker;
  private boolean markerSeen;

  public PausableProxy(int targetPort) {
    this.target = targetPort;
    try {
      this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::accept, "pausable-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  public void pause() {
    synchronized (lock) {
      paused = true;
    }
  }

  /**
   * Pauses as soon as a reply of the server contains {@code text} (UTF-8), before that reply is
   * delivered.
   */
  public void pauseAtReplyContaining(String text) {
    synchronized (lock) {
      marker = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      markerSeen = false;
    }
  }

  /** Whether the reply given to {@link #pauseAtReplyContaining} came by and was held. */
  public boolean pausedAtReply() {
    synchronized (lock) {
      return markerSeen;
    }
  }

  public void resume() {
    synchronized (lock) {
      paused = false;
      marker = null;
      lock.notifyAll();
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        sockets.add(client);
        sockets.add(server);
        pump(client, server, false);
        pump(server, client, true);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void pump(Socket from, Socket to, boolean replies) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          if (replies) {
            pauseAtMarker(buffer, read);
          }
          awaitOpen();
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // one side closed: close the other
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "pausable-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private void pauseAtMarker(byte[] buffer, int length) {
    synchronized (lock) {
      if (marker != null && indexOf(buffer, length, marker) >= 0) {
        marker = null;
        markerSeen = true;
        paused = true;
      }
    }
  }

  private static int indexOf(byte[] buffer, int length, byte[] wanted) {
    outer:
    for (int i = 0; i + wanted.length <= length; i++) {
      for (int j = 0; j < wanted.length; j++) {
        if (buffer[i + j] != wanted[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private void awaitOpen() throws InterruptedException {
    synchronized (lock) {
      while (paused) {
        lock.wait();
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    resume();
    closeQuietly(listener);
    sockets.forEach(PausableProxy::closeQuietly);
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
