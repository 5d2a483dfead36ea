package org.cetak.printing;

import org.cetak.common.ErrorCode;

/** Stable error codes of the print room: jobs, settlements, reprints and the device file. */
public enum PrintingError implements ErrorCode {
  /**
   * The card's chip UID is recorded for another card printed or being printed: this card cannot be
   * recorded as printed.
   */
  CHIP_UID_TAKEN(Kind.CONFLICT),
  /** The card was already picked from the feeder. */
  CARD_WAS_PICKED(Kind.CONFLICT),
  /**
   * The printer is picking a blank from this feeder: its last blank stays until the card is picked.
   */
  FEEDER_BLANK_BEING_PICKED(Kind.CONFLICT),
  /** The card's face cannot be drawn from the request's stored photo, signature or record. */
  CARD_FACE_UNREADABLE(Kind.CONFLICT),
  /** The device file cannot be used; the message lists every mistake. */
  DEVICE_FILE_INVALID(Kind.INVALID),
  /** The print job changed meanwhile. */
  JOB_CHANGED(Kind.CONFLICT),
  /** This node has no device file to reload. */
  NO_DEVICE_FILE(Kind.CONFLICT),
  /** Only a print-room operator may do this. */
  NOT_AN_OPERATOR(Kind.FORBIDDEN),
  /** The request's card has not been printed. */
  NOT_PRINTED(Kind.CONFLICT),
  /** The card's outcome is already known. */
  NOT_UNKNOWN(Kind.CONFLICT),
  /** No such open print job. */
  NO_SUCH_OPEN_JOB(Kind.NOT_FOUND),
  /** Confirm that the printed card is in the output hopper. */
  CONFIRMATION_REQUIRED(Kind.INVALID),
  /** Say where the card is. */
  SIGHTING_REQUIRED(Kind.INVALID),
  /** A first card's outcome entered without saying what happened to it (in the office or lost). */
  FIRST_CARD_OUTCOME_MISSING(Kind.INVALID),
  /** The reprinted card is handed over only once the first card's outcome is entered. */
  FIRST_CARD_OUTCOME_REQUIRED(Kind.CONFLICT),
  /** A lost first card needs the police report number. */
  FIRST_CARD_POLICE_REPORT_REQUIRED(Kind.INVALID),
  /** The first card had no chip UID: its serial names it. */
  FIRST_CARD_SERIAL_REQUIRED(Kind.INVALID),
  /** The chip UID read is not the first card's. */
  FIRST_CARD_UID_MISMATCH(Kind.INVALID),
  /** No granted reprint of the request awaits its first card's outcome. */
  NO_FIRST_CARD_AWAITED(Kind.CONFLICT),
  /** The request has a reprint proposed or granted and not printed yet: one is enough. */
  REPRINT_ALREADY_PROPOSED(Kind.CONFLICT),
  /** A reprint was granted and not printed yet: there is no card to hand over. */
  REPRINT_NOT_PRINTED(Kind.CONFLICT),
  /** No such print request. */
  UNKNOWN_REQUEST(Kind.NOT_FOUND);

  private final Kind kind;

  PrintingError(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
