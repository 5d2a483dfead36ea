package org.cetak.printing.device;

/** Where the card inside a printer is, as the printer reports it. */
public enum CardPosition {
  /** No card inside. */
  NONE,
  /** Parked at the contactless chip station. */
  CONTACTLESS,
  /** At the print position. */
  PRINT,
  /** Being ejected to the output hopper. */
  EJECT,
  /** Being ejected to the reject box. */
  REJECT,
  /** Stuck; an operator must clear it. */
  JAMMED;

  /** Whether a card is inside the printer in this position. */
  public boolean cardInside() {
    return this != NONE;
  }
}
