package org.cetak.sim.fault;

/**
 * Every fault the simulator can inject, with the step at which it strikes. A scripted fault names
 * the card (its number in the feeder's loading order, from 1) it strikes; a rated one strikes at
 * every opportunity with the given probability.
 */
public enum FaultType {
  /** The feeder reports empty at this card's pick ({@code ERR FEEDER EMPTY}, nothing picked). */
  FEEDER_EMPTY(Step.PICK),
  /** No card comes ({@code ERR FEEDER}); the card stays in the feeder. */
  PICK_FAILURE(Step.PICK),
  /** Two cards come; this one goes unprinted to the reject box ({@code ERR FEEDER}, picked+1). */
  DOUBLE_FEED(Step.PICK),
  /** The card jams while picked ({@code ERR MECHANICAL}, card jammed). */
  JAM_AT_PICK(Step.PICK),
  /** The card jams during printing: partly printed and jammed. */
  JAM_AT_PRINT(Step.PRINT),
  /** The card jams on its way to the hopper: printed and jammed. */
  JAM_AT_EJECT(Step.EJECT),
  /** The operator opens the cover during the print ({@code ERR COVER OPEN}, nothing done). */
  COVER_OPEN(Step.PRINT),
  /** The ribbon ends in the middle of the card: partly printed, spoiled, ribbon at 0. */
  RIBBON_END(Step.PRINT),
  /** The reject box reports full at this card's reject, until emptied. */
  REJECT_BOX_FULL(Step.REJECT),
  /** The output hopper reports full at this card's print, until emptied. */
  HOPPER_FULL(Step.PRINT),
  /** The head overheats before this card's print: refused ({@code ERR HEAD TEMP}) until cooled. */
  OVERHEAT(Step.PRINT),
  /** The card is forced through an overheated head: melted, spoiled, {@code ERR HEAD TEMP}. */
  OVERHEAT_MELT(Step.PRINT),
  /** The reply's bytes are garbled (the action was done). */
  GARBLED_REPLY(Step.REPLY),
  /** No reply at all (the action was done). */
  NO_REPLY(Step.REPLY),
  /** The reply comes after the driver's timeout (the action was done). */
  LATE_REPLY(Step.REPLY),
  /** The port disappears after the action (the connection drops; the pty vanishes). */
  DISCONNECT(Step.REPLY),
  /**
   * The printer reboots on receiving the command: not done, no reply, sequence lost. It strikes
   * {@code Rst} and the other queries only while a print sequence is open, never an idle printer's.
   */
  REBOOT(Step.REPLY),
  /** The chip never answers (no ATR; connect fails). */
  MUTE_CHIP(Step.CHIP),
  /** The card leaves the field during a write ({@code CardException}; the write half done). */
  CHIP_REMOVED_MID_WRITE(Step.CHIP),
  /** Writes fail with {@code 65 81} from the second UPDATE BINARY on. */
  CHIP_WRITE_FAILURE(Step.CHIP),
  /** Personalisation takes three times the field profile's 5-20 s. */
  SLOW_CHIP(Step.CHIP);

  private final Step step;

  FaultType(Step step) {
    this.step = step;
  }

  public Step step() {
    return step;
  }

  /** Where in a card's life a fault strikes. */
  public enum Step {
    PICK,
    PRINT,
    EJECT,
    REJECT,
    /** Any command's reply ({@code command} in a script says which, default {@code Se}). */
    REPLY,
    /** Built into the chip when the blank is made. */
    CHIP
  }
}
