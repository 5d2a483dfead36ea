package org.cetak.drivers.printer;

/** Where the card is, as the printer reports it ({@code POS} of {@code Rst}). */
public enum CardPosition {
  NONE,
  CONTACTLESS,
  PRINT,
  EJECT,
  REJECT,
  JAMMED
}
