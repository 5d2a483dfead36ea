package org.cetak.pickup;

/** Who collects the card. */
public enum Recipient {
  /** The resident in person. */
  RESIDENT,
  /** Someone else with a letter of authority (surat kuasa). */
  REPRESENTATIVE
}
