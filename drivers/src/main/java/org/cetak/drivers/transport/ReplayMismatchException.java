package org.cetak.drivers.transport;

/** A replayed conversation departed from its transcript. */
public final class ReplayMismatchException extends TransportException {
  private static final long serialVersionUID = 1L;

  public ReplayMismatchException(String transport, String message) {
    super(transport, message);
  }
}
