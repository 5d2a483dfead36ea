package org.cetak.stock;

import org.cetak.common.ErrorCode;

/**
 * Stable error codes of the stock ledger: drops, feeders, spoils, loans, write-offs and
 * destruction.
 */
public enum StockError implements ErrorCode {
  /** A chip UID names one card. */
  CHIP_UID_FOR_ONE_CARD(Kind.INVALID),
  /** Name the other office of the loan. */
  COUNTERPART_REQUIRED(Kind.INVALID),
  /** The document date lies in the future. */
  DOCUMENT_DATE_IN_FUTURE(Kind.INVALID),
  /** The document number is longer than allowed. */
  DOCUMENT_NO_TOO_LONG(Kind.INVALID),
  /** More blanks than one drop can plausibly hold. */
  DROP_TOO_LARGE(Kind.INVALID),
  /** The feeder cannot hold that many blanks. */
  FEEDER_CAPACITY_EXCEEDED(Kind.INVALID),
  /** A date is required. */
  DATE_REQUIRED(Kind.INVALID),
  /** The document date is required. */
  DOCUMENT_DATE_REQUIRED(Kind.INVALID),
  INVALID_DATE(Kind.INVALID),
  LOAN_RETURN_TOO_LARGE(Kind.CONFLICT),
  RETURN_NOT_CONFIRMED(Kind.INVALID),
  UNKNOWN_LOAN(Kind.NOT_FOUND),
  /** The document number is required. */
  DOCUMENT_REQUIRED(Kind.INVALID),
  /** A drop with this document is already recorded. */
  DROP_EXISTS(Kind.CONFLICT),
  /** Not enough blanks there. */
  INSUFFICIENT_BALANCE(Kind.CONFLICT),
  /** Invalid chip UID. */
  INVALID_CHIP_UID(Kind.INVALID),
  /** Invalid destruction line. */
  INVALID_DESTRUCTION_LINE(Kind.INVALID),
  /** A loan is LEND or BORROW. */
  INVALID_DIRECTION(Kind.INVALID),
  /** Invalid limit. */
  INVALID_LIMIT(Kind.INVALID),
  /** Invalid stock place. */
  INVALID_PLACE(Kind.INVALID),
  /** Invalid printer code. */
  INVALID_PRINTER_CODE(Kind.INVALID),
  /** The quantity must be a positive whole number. */
  INVALID_QUANTITY(Kind.INVALID),
  /** Invalid serial range. */
  INVALID_SERIAL_RANGE(Kind.INVALID),
  /** Invalid spoil reason. */
  INVALID_SPOIL_REASON(Kind.INVALID),
  /** A loan with this document is already recorded. */
  LOAN_EXISTS(Kind.CONFLICT),
  /** This loan is recorded by the lending office. */
  LOAN_RECORDED_BY_LENDER(Kind.CONFLICT),
  /** An office cannot lend to itself. */
  LOAN_TO_SELF(Kind.INVALID),
  /** A location is required. */
  LOCATION_REQUIRED(Kind.INVALID),
  /** The card is not in the spoiled pile. */
  NOT_IN_SPOILED_PILE(Kind.CONFLICT),
  /** No cards named. */
  NO_CARDS(Kind.INVALID),
  /** The printer code is already taken. */
  PRINTER_EXISTS(Kind.CONFLICT),
  /** A quantity is required. */
  QUANTITY_REQUIRED(Kind.INVALID),
  /** Name the request. */
  REQUEST_REQUIRED(Kind.INVALID),
  /** Source and destination are the same. */
  SAME_PLACE(Kind.INVALID),
  /** The serials do not match the quantity. */
  SERIALS_DO_NOT_MATCH_QUANTITY(Kind.INVALID),
  /** The serials were already received. */
  SERIALS_OVERLAP(Kind.CONFLICT),
  /** The serial ranges overlap each other. */
  SERIAL_RANGES_OVERLAP(Kind.INVALID),
  /** No such destruction report. */
  UNKNOWN_DESTRUCTION_REPORT(Kind.NOT_FOUND),
  /** No such printer. */
  UNKNOWN_PRINTER(Kind.NOT_FOUND),
  /** A loss report states the circumstances. */
  CIRCUMSTANCES_REQUIRED(Kind.INVALID),
  /** No such loss report. */
  UNKNOWN_LOSS_REPORT(Kind.NOT_FOUND),
  /** Fewer blanks are still lost on that report. */
  NOT_THAT_MANY_LOST(Kind.CONFLICT),
  /** No daily report kept for that day. */
  NO_KEPT_REPORT(Kind.NOT_FOUND),
  /** A destruction needs two witnesses. */
  WITNESSES_REQUIRED(Kind.INVALID),
  /** No such drop. */
  UNKNOWN_DROP(Kind.NOT_FOUND),
  /** The drop was reversed already, or its reversal awaits approval. */
  DROP_ALREADY_REVERSED(Kind.CONFLICT),
  /** Some of the drop's blanks have left the vault; it can no longer be reversed whole. */
  DROP_IN_USE(Kind.CONFLICT),
  /** A reversal states why the drop was a mistake. */
  REVERSAL_REASON_REQUIRED(Kind.INVALID);

  private final Kind kind;

  StockError(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
