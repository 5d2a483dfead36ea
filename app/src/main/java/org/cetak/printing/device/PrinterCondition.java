package org.cetak.printing.device;

/** Why a printer refused or stopped, from its error reply or status line. */
public enum PrinterCondition {
  NONE(false, ""),
  FEEDER_EMPTY(true, "feeder empty: load blanks"),
  PICK_FAILED(true, "pick failed: check the feeder"),
  MECHANICAL(true, "card jam: open the printer and clear it"),
  COVER_OPEN(true, "cover open: close it"),
  RIBBON(true, "ribbon ended or missing: replace it"),
  REJECT_BOX_FULL(true, "reject box full: empty it"),
  HOPPER_FULL(true, "output hopper full: empty it"),
  HEAD_TEMP(true, "print head too hot: cooling"),
  NO_CARD(false, "no card inside"),
  BUSY(false, "busy"),
  BAD_REQUEST(false, "the printer did not understand a command"),
  OTHER(true, "printer error");

  private final boolean needsOperator;
  private final String advice;

  PrinterCondition(boolean needsOperator, String advice) {
    this.needsOperator = needsOperator;
    this.advice = advice;
  }

  /** Whether the printer stays paused until someone acts (or, for heat, until it cools). */
  public boolean pauses() {
    return needsOperator;
  }

  /** What an operator should do, in English; the console translates. */
  public String advice() {
    return advice;
  }
}
