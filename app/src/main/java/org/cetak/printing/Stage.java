package org.cetak.printing;

/**
 * The step a print job is at. A step is persisted, with its {@link Baseline}, before the command
 * that performs it is sent; so after any crash the job says which command may have run.
 */
public enum Stage {
  /** About to pick a blank and park it at the chip station (or the pick is under way). */
  PICKING,
  /** The card is parked; its chip is being written. */
  ENCODING,
  /** The chip is written; the card is being printed and ejected. */
  PRINTING,
  /** The card is being rejected into the reject box. */
  REJECTING,
  /** What the last command did cannot be told; the printer is quarantined until it is settled. */
  UNKNOWN,
  /** Done: the card came out in the output hopper. */
  PRINTED,
  /** Done: the card went to the reject box and was recorded spoiled; the request is requeued. */
  SPOILED,
  /** Done: no card of this job ever left the feeder; the request is requeued. */
  NOT_PICKED,
  /**
   * Done: the operator could not find the card. Its blank stays in outcome unknown until the loss
   * report proposed with the settlement is approved; the request is requeued.
   */
  LOST;

  public boolean open() {
    return switch (this) {
      case PICKING, ENCODING, PRINTING, REJECTING, UNKNOWN -> true;
      case PRINTED, SPOILED, NOT_PICKED, LOST -> false;
    };
  }
}
