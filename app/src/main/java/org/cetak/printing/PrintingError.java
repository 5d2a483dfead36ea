package org.cetak.printing;

import org.cetak.common.ErrorCode;

/** Stable error codes of the print room: jobs, settlements, reprints and the device file. */
public enum PrintingError implements ErrorCode {
  /** The card was already picked from the feeder. */
  CARD_WAS_PICKED(Kind.CONFLICT),
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
