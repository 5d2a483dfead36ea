package org.cetak.stock;

/** Why a card went to the spoiled pile (awaiting destruction). */
public enum SpoilReason {
  PRINT_FAIL,
  ENCODE_FAIL,
  FACTORY_DEFECT,
  DATA_CHANGED,
  DAMAGED_IN_STORAGE,
  /** An old card withdrawn at pickup; only for {@link Item#OLD_CARD}. */
  WITHDRAWN_OLD_CARD,
  /**
   * The first card of a reprinted request, back in the office (returned, damaged): recorded with
   * the reprint's outcome of the first card, never through the spoil form.
   */
  REPRINT
}
