package org.cetak.drivers.printer;

/** What the printer is doing ({@code STATE} of {@code Rst}). */
public enum PrinterState {
  READY,
  BUSY,
  COOLING,
  ERROR
}
