package io.realworld.api.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * Every log line written while it is open, exactly as production writes it: encoded by the same
 * LogstashEncoder (message, arguments, MDC, stack traces), from the root logger. Closing restores
 * the root level, which a service started meanwhile sets for the whole JVM.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  private final LogstashEncoder encoder = new LogstashEncoder();
  private final List<String> lines = new ArrayList<>();
  private Level rootLevel;

  private CapturedLogs() {
  }

  public static CapturedLogs capture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    CapturedLogs logs = new CapturedLogs();
    logs.setContext(context);
    logs.encoder.setContext(context);
    logs.encoder.start();
    logs.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    logs.rootLevel = root.getLevel();
    root.addAppender(logs);
    return logs;
  }

  @Override
  protected synchronized void append(ILoggingEvent event) {
    lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8));
  }

  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAppender(this);
    root.setLevel(rootLevel);
    stop();
  }
}
