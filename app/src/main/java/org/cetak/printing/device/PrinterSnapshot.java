package org.cetak.printing.device;

/**
 * A printer's status at one moment ({@code Rst}). The counters are the evidence the station uses to
 * tell what physically happened during a step whose reply it did not get.
 *
 * @param picked cards picked from the feeder since manufacture
 * @param rejectCount cards in the reject box now
 * @param hopperCount cards in the output hopper now
 */
public record PrinterSnapshot(
    CardPosition position,
    boolean ready,
    boolean cooling,
    PrinterCondition condition,
    int feeder,
    int ribbon,
    int rejectCount,
    int rejectCapacity,
    int hopperCount,
    int hopperCapacity,
    boolean coverOpen,
    int temperature,
    long picked) {

  /**
   * Whether a new card may be started: nothing inside, no pausing condition, room to eject and
   * reject.
   */
  public boolean canStartCard() {
    return !position.cardInside()
        && !coverOpen
        && !cooling
        && !condition.pauses()
        && feeder > 0
        && ribbon > 0
        && rejectCount < rejectCapacity
        && hopperCount < hopperCapacity;
  }

  /** The condition that keeps a new card from starting, or {@link PrinterCondition#NONE}. */
  public PrinterCondition blocker() {
    if (coverOpen) {
      return PrinterCondition.COVER_OPEN;
    }
    if (cooling) {
      return PrinterCondition.HEAD_TEMP;
    }
    if (condition.pauses()) {
      return condition;
    }
    if (feeder <= 0) {
      return PrinterCondition.FEEDER_EMPTY;
    }
    if (ribbon <= 0) {
      return PrinterCondition.RIBBON;
    }
    if (rejectCount >= rejectCapacity) {
      return PrinterCondition.REJECT_BOX_FULL;
    }
    if (hopperCount >= hopperCapacity) {
      return PrinterCondition.HOPPER_FULL;
    }
    return PrinterCondition.NONE;
  }
}
