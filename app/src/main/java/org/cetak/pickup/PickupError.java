package org.cetak.pickup;

import org.cetak.common.ErrorCode;

/** Stable error codes of the counter's handover (pengambilan). */
public enum PickupError implements ErrorCode {
  /** The card of this request was handed over already. */
  ALREADY_HANDED_OVER(Kind.CONFLICT),
  /** The card is printed but not checked yet by the print room: it cannot be handed over. */
  CARD_NOT_CHECKED(Kind.CONFLICT),
  /** The resident's face was not confirmed against the card. */
  FACE_NOT_CONFIRMED(Kind.INVALID),
  /** The office verifies fingerprints, and this one was not verified. */
  FINGERPRINT_REQUIRED(Kind.INVALID),
  /** Who collects the card or what happened to the old card is missing. */
  HANDOVER_INCOMPLETE(Kind.INVALID),
  /** A search by name needs at least three letters. */
  NAME_TOO_SHORT(Kind.INVALID),
  /** A first card replaces no old card. */
  NO_OLD_CARD_FOR_FIRST_CARD(Kind.INVALID),
  /** A replacement is handed over against the old card or its police report. */
  OLD_CARD_REQUIRED(Kind.INVALID),
  /** A lost old card needs the police report number. */
  POLICE_REPORT_REQUIRED(Kind.INVALID),
  /** A representative needs a name and a letter of authority. */
  REPRESENTATIVE_DETAILS_REQUIRED(Kind.INVALID),
  /** The Suket was not shown. */
  SUKET_NOT_SHOWN(Kind.INVALID),
  /** A search by Suket needs its number. */
  SUKET_REQUIRED(Kind.INVALID);

  private final Kind kind;

  PickupError(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
