package io.realworld.api.server;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output for the asynchronous appender in front of it (logback.xml), through a buffer
 * that the asynchronous appender flushes at the end of each batch of events. Logback's
 * ConsoleAppender writes each event into {@code System.out}, which flushes it: one write into the
 * platform's log pipe per request, which under load costs a large share of the service's
 * throughput (docs/performance.md). Here a busy second's events reach {@code System.out} in a few
 * large writes, and an event on a quiet service is still flushed at once, its batch being one.
 */
public final class StdoutBatchAppender extends OutputStreamAppender<ILoggingEvent> {

  private static final int BUFFER_BYTES = 64 * 1024;

  @Override
  public void start() {
    setImmediateFlush(false);
    setOutputStream(new BufferedOutputStream(new KeptOpen(System.out), BUFFER_BYTES));
    super.start();
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
