package org.cetak.printing;

/** Where the ledger holds the job's card right now. */
public enum CardHeld {
  /** The job's blank has not left the feeder (or its card has left the printer). */
  NONE,
  /** Inside the printer. */
  INSIDE,
  /** Outcome unknown; it was in the feeder before the unknown step. */
  UNKNOWN_FROM_FEEDER,
  /** Outcome unknown; it was inside the printer before the unknown step. */
  UNKNOWN_FROM_INSIDE
}
