package org.cetak.quality;

import org.cetak.common.ErrorCode;

/** Stable error codes of the print room's quality check (pemeriksaan kartu). */
public enum CheckError implements ErrorCode {
  /** No printed card of this print job waits or waited for the check in this office. */
  UNKNOWN_CARD_CHECK(Kind.NOT_FOUND),
  /** The card was checked already (passed or rejected). */
  CARD_ALREADY_CHECKED(Kind.CONFLICT),
  /** Passing a card needs its chip UID read back (typed or scanned) when no reader is attached. */
  CHIP_READ_REQUIRED(Kind.INVALID),
  /** The chip UID read back is not the one recorded at print: it is another card. */
  CHIP_UID_MISMATCH(Kind.CONFLICT),
  /** The reader could not read a chip; type or scan its UID, or reject the card. */
  CHIP_NOT_READ(Kind.CONFLICT),
  /** Rejecting a card needs its reason: misprint, colour, chip unreadable or damaged. */
  CHECK_REASON_REQUIRED(Kind.INVALID),
  /** A batch names no card, or the same card twice. */
  INVALID_CHECK_BATCH(Kind.INVALID);

  private final Kind kind;

  CheckError(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
