package org.cetak.notify;

/** What a notice tells the resident. */
public enum NoticeKind {
  /** The card can be collected (KTP-el sudah jadi, silakan diambil). */
  READY,
  /** A reprint can be collected after the first card's notice already went out. */
  READY_AGAIN,
  /** The card is still waiting at the office after the office's number of days. */
  REMINDER
}
