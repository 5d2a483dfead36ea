package org.cetak.printing.device;

/** The result of asking a printer for its status. */
public sealed interface StatusReading {

  record Read(PrinterSnapshot snapshot) implements StatusReading {}

  /** The printer did not answer, or answered something that is not a status line. */
  record Unreachable(String why) implements StatusReading {}
}
