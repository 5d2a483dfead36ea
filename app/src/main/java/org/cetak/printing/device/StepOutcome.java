package org.cetak.printing.device;

/** What the printer answered to one step. */
public sealed interface StepOutcome {

  /** The printer said OK: the step is done. */
  record Done() implements StepOutcome {}

  /** The printer refused or failed the step with a known condition; it answered. */
  record Refused(PrinterCondition condition, String reply) implements StepOutcome {}

  /**
   * No usable answer (timeout, garbled reply, port gone): the step may or may not have happened.
   */
  record NoAnswer(String why) implements StepOutcome {}
}
