package org.cetak.stock;

/** What moves through the ledger. Old cards are counted apart and never inflate the blank count. */
public enum Item {
  /** A blank e-KTP card body (blanko), state property. */
  BLANK,
  /** An old card withdrawn from a resident when the new one is handed over. */
  OLD_CARD
}
