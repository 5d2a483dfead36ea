package org.cetak.drivers.transport;

import java.time.Duration;

/** No reply arrived within the timeout. The request may or may not have been acted on. */
public final class TransportTimeoutException extends TransportException {
  private static final long serialVersionUID = 1L;

  private final Duration timeout;

  public TransportTimeoutException(String transport, Duration timeout, String request) {
    super(transport, "no reply to " + request + " within " + timeout.toMillis() + " ms");
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }
}
