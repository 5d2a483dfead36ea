package org.cetak.pickup;

/** What happened to the resident's old card when the new one was handed over. */
public enum OldCard {
  /** A first card: there is none. */
  NONE,
  /** Given back at the counter: it goes to the ledger as a withdrawn old card, to be destroyed. */
  RETURNED,
  /** The resident cannot return it (lost): recorded with the police report number. */
  LOST
}
