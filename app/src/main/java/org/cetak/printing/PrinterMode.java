package org.cetak.printing;

/** Whether a printer's station takes new cards. */
public enum PrinterMode {
  /** Printing. */
  RUNNING,
  /** Stopped by an operator or by a condition that needs one (feeder empty, cover open...). */
  PAUSED,
  /** Head too hot: resumes by itself when the printer reports it has cooled. */
  COOLING,
  /** A card's outcome is unknown, or the printer stopped answering: nothing moves until settled. */
  QUARANTINED
}
