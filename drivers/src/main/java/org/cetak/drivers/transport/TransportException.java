package org.cetak.drivers.transport;

/** A failure of the link to a device; carries the transport's name. */
public class TransportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String transport;

  public TransportException(String transport, String message, Throwable cause) {
    super(transport + ": " + message, cause);
    this.transport = transport;
  }

  public TransportException(String transport, String message) {
    this(transport, message, null);
  }

  /** The name of the transport that failed. */
  public String transport() {
    return transport;
  }
}
