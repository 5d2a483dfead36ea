package org.cetak.drivers.printer;

import java.util.Locale;

/**
 * Why the printer did not do what was asked: its {@code ERR} reasons (PROTOCOL.md), plus two the
 * driver infers. Expected conditions are values, never exceptions.
 */
public enum PrinterCondition {
  COMMAND,
  PARAMETER,
  BUSY,
  FEEDER_EMPTY,
  FEEDER,
  MECHANICAL,
  COVER_OPEN,
  RIBBON,
  REJECT_BOX_FULL,
  HOPPER_FULL,
  HEAD_TEMP,
  NO_CARD,
  /** A reason this driver does not know; the raw text is kept next to it. */
  UNRECOGNISED,
  /**
   * [driver] No reply came in time, and the printer's status afterwards shows the action was not
   * done.
   */
  TIMED_OUT;

  /** The condition of an {@code ERR <reason>} reply ({@code COVER OPEN}) or status word. */
  public static PrinterCondition fromReason(String reason) {
    String word = reason.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
    for (PrinterCondition condition : values()) {
      if (condition != UNRECOGNISED && condition != TIMED_OUT && condition.name().equals(word)) {
        return condition;
      }
    }
    return UNRECOGNISED;
  }
}
