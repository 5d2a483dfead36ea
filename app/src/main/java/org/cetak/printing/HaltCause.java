package org.cetak.printing;

/**
 * Why a print station quarantined or paused a printer, as a stable code: the console words each as
 * an operator reads it ({@code label.haltCause.<name>}: what happened and what to do), and keeps
 * the device's own text (a driver's "no reply to Rst", a counter that went back) beside it as a
 * detail. A pause for a condition the printer reports (feeder empty, cover open) is worded from its
 * {@link org.cetak.printing.device.PrinterCondition} instead.
 */
public enum HaltCause {
  /** The printer does not answer its status command before a new card: quarantined. */
  NOT_ANSWERING,
  /** The printer kept not answering a command sent again: quarantined. */
  KEEPS_NOT_ANSWERING,
  /** The printer stopped answering during a card's step; the card's fate is unknown. */
  CARD_UNKNOWN_NO_ANSWER,
  /** The printer's counters do not explain where a card went; its fate is unknown. */
  CARD_UNKNOWN_COUNTERS,
  /** The card was not at the chip station when its chip was to be written; its fate is unknown. */
  CARD_NOT_AT_CHIP,
  /** A card's fate is unknown for another reason (nothing left to send again). */
  CARD_UNKNOWN,
  /** A card of unknown fate is still not settled: the printer stays quarantined until it is. */
  CARD_STILL_UNKNOWN,
  /** The printer's pick counter is ahead of what the print jobs recorded: quarantined. */
  PICK_COUNTER_AHEAD,
  /** A card no print job knows of is inside the printer: paused. */
  UNKNOWN_CARD_INSIDE,
  /** The chip encoder (the contactless reader) is not available: paused. */
  ENCODER_UNAVAILABLE,
  /**
   * The printer's print station ended on an error (out of memory, say) again and again:
   * quarantined, and not started again until an operator resumes the printer.
   */
  STATION_KEEPS_FAILING
}
