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
  REPRINT,
  /** Rejected at the print room's quality check: the face is misprinted (text, photo, position). */
  QC_MISPRINT,
  /** Rejected at the quality check: the colours are wrong (faded, streaked, off-tone). */
  QC_COLOUR,
  /** Rejected at the quality check: the chip does not answer the reader. */
  QC_CHIP_UNREADABLE,
  /** Rejected at the quality check: the card is damaged (scratched, bent, cracked). */
  QC_DAMAGED;

  /** Whether the print room's quality check alone books it (never the spoil form). */
  public boolean qualityCheck() {
    return name().startsWith("QC_");
  }
}
