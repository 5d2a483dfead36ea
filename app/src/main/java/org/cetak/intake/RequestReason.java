package org.cetak.intake;

/** Why a resident asks for a card. */
public enum RequestReason {
  /** Pemula: newly 17 or newly married. */
  FIRST_CARD,
  /** A data element changed (address, marital status, ...). */
  DATA_CHANGE,
  /** Moved in from another region. */
  MOVED_IN,
  /** The resident's region was split (pemekaran). */
  REGION_SPLIT,
  /** The card was lost (with a police letter). */
  LOST,
  /** The card is damaged. */
  DAMAGED,
  OTHER
}
