package org.cetak.drivers.transport;

/** The peer sent more bytes than any reply may hold without a terminator: not our protocol. */
public final class ReplyTooLongException extends TransportException {
  private static final long serialVersionUID = 1L;

  public ReplyTooLongException(String transport, int limit) {
    super(transport, "reply longer than " + limit + " bytes without CR or NUL");
  }
}
