package org.cetak.sim.printer;

import java.util.List;

/**
 * A printer's command language over its {@link Mechanism}: which requests it knows and what it
 * answers. Cetak's own language ({@link CetakCommands}, with {@code Rst}) and the vendor's ({@link
 * VendorCommands}) drive the same mechanism.
 */
interface CommandSet {

  /**
   * True for a request that only reads the printer. A reboot strikes such a request only while a
   * print sequence is open: a printer does not crash more often because a host asks more often how
   * it is.
   */
  boolean isQuery(String name);

  /** Executes one well-framed request; returns the reply text (without CR). */
  String execute(String name, List<String> params, Request request) throws InterruptedException;

  /** The reply to a request refused before it ran (malformed, or the printer busy). */
  default String refused(PrinterError error) {
    return error.reply();
  }
}
