package org.cetak.printing;

/** Why the station spoiled a card; the ledger records it as the spoilage reason. */
public enum SpoilCause {
  /** The print failed or was interrupted, or a blank was fed and ejected unprinted. */
  PRINT_FAIL,
  /** The chip could not be written, read back or locked. */
  ENCODE_FAIL
}
