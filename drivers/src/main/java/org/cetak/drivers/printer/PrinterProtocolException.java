package org.cetak.drivers.printer;

/** The printer's reply is not what PROTOCOL.md allows; carries the offending reply text. */
public final class PrinterProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reply;

  public PrinterProtocolException(String message, String reply) {
    super(message + ": " + reply);
    this.reply = reply;
  }

  /** The reply as rendered for humans (escaped). */
  public String reply() {
    return reply;
  }
}
