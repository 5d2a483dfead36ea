package org.cetak.sim.card;

/** Where a physical card is. The ground truth records every place a card passes. */
public enum Place {
  /** A blank waiting in the printer's input feeder. */
  FEEDER,
  /** Parked at the contactless chip station, inside the printer. */
  CONTACTLESS,
  /** At the print position, inside the printer. */
  PRINT,
  /** In the output hopper (printed cards come out here). */
  HOPPER,
  /** In the reject box. */
  REJECT_BOX,
  /** Stuck inside the printer's transport. */
  JAMMED,
  /** Taken out of the printer by hand (a jam cleared by the operator). */
  REMOVED_BY_OPERATOR;

  /** Whether a card here is inside the printer. */
  public boolean inside() {
    return this == CONTACTLESS || this == PRINT || this == JAMMED;
  }
}
