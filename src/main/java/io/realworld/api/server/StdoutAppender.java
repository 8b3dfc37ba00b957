package io.realworld.api.server;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The one way to standard output (logback.xml). The thread that logs only queues the event; this
 * appender's own thread encodes and writes it, through a buffer that it flushes whenever the queue
 * is empty. Logback's ConsoleAppender writes on the logging thread, an event loop, into
 * {@code System.out}, which flushes every event: one write into the platform's log pipe per
 * request, a large share of the service's throughput under load (docs/performance.md), and an
 * event loop stalled whenever that pipe is full. Here a busy second's events leave in a few large
 * writes, and an event on a quiet service is still written at once.
 */
public final class StdoutAppender extends AsyncAppender {

  private static final int BUFFER_BYTES = 64 * 1024;
  private Encoder<ILoggingEvent> encoder;

  public void setEncoder(Encoder<ILoggingEvent> encoder) {
    this.encoder = encoder;
  }

  @Override
  public void start() {
    if (encoder == null) {
      addError("no encoder for appender " + getName());
      return;
    }
    BufferedStdout writer = new BufferedStdout(this, System.out);
    writer.setContext(getContext());
    writer.setName(getName() + "-writer");
    writer.setEncoder(encoder);
    writer.start();
    addAppender(writer);
    super.start();
  }

  /** Runs on the queue's worker thread only. */
  private static final class BufferedStdout extends OutputStreamAppender<ILoggingEvent> {

    private final AsyncAppender queue;
    private final PrintStream stdout;

    BufferedStdout(AsyncAppender queue, PrintStream stdout) {
      this.queue = queue;
      this.stdout = stdout;
    }

    @Override
    public void start() {
      setImmediateFlush(false);
      setOutputStream(new BufferedOutputStream(new KeptOpen(stdout), BUFFER_BYTES));
      super.start();
    }

    @Override
    protected void subAppend(ILoggingEvent event) {
      super.subAppend(event);
      if (queue.getNumberOfElementsInQueue() == 0) {
        streamWriteLock.lock();
        try {
          getOutputStream().flush();
        } catch (IOException e) {
          addError("could not flush standard output", e);
        } finally {
          streamWriteLock.unlock();
        }
      }
    }
  }

  /** Stopping logback flushes standard output but leaves it open for the JVM's last words. */
  private static final class KeptOpen extends FilterOutputStream {

    KeptOpen(OutputStream stdout) {
      super(stdout);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
