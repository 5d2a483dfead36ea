package org.cetak.support;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Keeps every log line of the test JVM, message and stack trace, once {@link #capture()} was
 * called: the appender is named in {@code logback-test.xml}, so it survives Spring Boot configuring
 * logging again at start-up. A test that reads the lines calls {@link #capture()} before the
 * application starts and {@link #release()} when done.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> {

  private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();
  private static volatile boolean capturing;

  /** Starts keeping lines, forgetting any kept before. */
  public static void capture() {
    LINES.clear();
    capturing = true;
  }

  /** Stops keeping lines and forgets them. */
  public static void release() {
    capturing = false;
    LINES.clear();
  }

  /** The lines kept so far: level, logger, message and the stack trace of its exception. */
  public static List<String> lines() {
    return List.copyOf(LINES);
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (!capturing) {
      return;
    }
    StringBuilder line =
        new StringBuilder()
            .append(event.getLevel())
            .append(' ')
            .append(event.getLoggerName())
            .append(" - ")
            .append(event.getFormattedMessage());
    if (event.getThrowableProxy() != null) {
      line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }
    LINES.add(line.toString());
  }
}
