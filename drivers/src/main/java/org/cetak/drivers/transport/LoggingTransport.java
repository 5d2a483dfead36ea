package org.cetak.drivers.transport;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every exchange at DEBUG: hex and ASCII for short messages; card images and other large
 * payloads only by length and SHA-256 ({@link WireText}). Failures are logged at DEBUG too and
 * rethrown unchanged; the caller decides what they mean.
 */
public final class LoggingTransport implements Transport {

  private static final Logger log = LoggerFactory.getLogger(LoggingTransport.class);

  private final Transport delegate;

  public LoggingTransport(Transport delegate) {
    this.delegate = delegate;
  }

  @Override
  public byte[] transceive(byte[] request, Duration timeout) {
    if (log.isDebugEnabled()) {
      log.debug("{} > {}", delegate.name(), describe(request));
    }
    long started = System.nanoTime();
    try {
      byte[] reply = delegate.transceive(request, timeout);
      if (log.isDebugEnabled()) {
        log.debug(
            "{} < {} ({} us)",
            delegate.name(),
            describe(reply),
            (System.nanoTime() - started) / 1000);
      }
      return reply;
    } catch (TransportException e) {
      log.debug("{} ! no reply", delegate.name(), e);
      throw e;
    }
  }

  static String describe(byte[] bytes) {
    if (WireText.summarised(bytes)) {
      return WireText.render(bytes) + " (" + bytes.length + " bytes)";
    }
    return WireText.hex(bytes) + "  |" + WireText.render(bytes) + "|";
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
