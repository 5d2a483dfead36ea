package org.cetak.drivers.transport;

/** The link broke: the peer went away, the cable was unplugged, the connection was reset. */
public final class TransportDisconnectedException extends TransportException {
  private static final long serialVersionUID = 1L;

  public TransportDisconnectedException(String transport, String message, Throwable cause) {
    super(transport, message, cause);
  }
}
