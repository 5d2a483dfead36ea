package org.cetak.printing;

import org.cetak.stock.Printers;

/**
 * The register of an office's printers (daftar printer): the one port that writes a printer's row.
 * A printer is registered once (the ledger then knows its feeder and inside, {@link Printers}); the
 * node that drives it holds a lease on it ({@link PrinterOwnership}); and it has a mode that says
 * whether its station takes new cards. Every method joins the caller's transaction when there is
 * one.
 */
public interface PrinterRegister extends Printers, PrinterOwnership {

  /** The printer's mode and the reason an operator sees for it. */
  PrinterState state(long printerId);

  /** Sets the printer's mode and its reason, of no {@link HaltCause}, noting when it changed. */
  void setState(long printerId, PrinterMode mode, String reason);

  /**
   * The station halts the printer for {@code cause}, the device's own text ({@code detail}) kept as
   * the reason; notes when it changed.
   */
  void halt(long printerId, PrinterMode mode, HaltCause cause, String detail);
}
