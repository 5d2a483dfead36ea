package org.cetak.printing;

/** What an operator sees when they look for the card of a job whose outcome is unknown. */
public enum Sighting {
  /** The card lies in the output hopper. */
  IN_OUTPUT_HOPPER,
  /** The card lies in the reject box. */
  IN_REJECT_BOX,
  /** The card is still inside the printer. */
  STILL_INSIDE,
  /** No blank left the feeder for this job. */
  STILL_IN_FEEDER,
  /** The card cannot be found anywhere. */
  NOWHERE
}
