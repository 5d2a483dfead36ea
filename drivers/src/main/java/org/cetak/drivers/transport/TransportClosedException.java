package org.cetak.drivers.transport;

/** The transport was closed by its owner; no more exchanges are possible. */
public final class TransportClosedException extends TransportException {
  private static final long serialVersionUID = 1L;

  public TransportClosedException(String transport) {
    super(transport, "transport is closed");
  }
}
