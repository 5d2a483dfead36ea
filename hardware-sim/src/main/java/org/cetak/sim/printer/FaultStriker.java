package org.cetak.sim.printer;

import java.util.Locale;
import org.cetak.sim.fault.FaultEvent;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.fault.FaultType;
import org.cetak.sim.time.Timeline;
import org.cetak.sim.truth.GroundTruth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks the fault plan whether a fault strikes, and records every strike in the ground truth. */
final class FaultStriker {

  private static final Logger log = LoggerFactory.getLogger(FaultStriker.class);

  private final String printer;
  private final FaultPlan faults;
  private final GroundTruth truth;
  private final Timeline timeline;

  FaultStriker(String printer, FaultPlan faults, GroundTruth truth, Timeline timeline) {
    this.printer = printer;
    this.faults = faults;
    this.truth = truth;
    this.timeline = timeline;
  }

  /**
   * True, and recorded, when {@code type} strikes {@code card} during {@code command}; a fault
   * built into a chip strikes with no command, when the blank is made, and is logged with its step.
   */
  boolean strikes(FaultType type, int card, String command) {
    Boolean scripted = faults.strikes(type, card, command);
    if (scripted == null) {
      return false;
    }
    if (command == null) {
      log.info(
          "{}: fault {} strikes card {} at the {} step",
          printer,
          type,
          card,
          type.step().name().toLowerCase(Locale.ROOT));
    } else {
      log.info("{}: fault {} strikes card {} during {}", printer, type, card, command);
    }
    truth.record(new FaultEvent(timeline.now(), printer, card, type, command, scripted));
    return true;
  }

  FaultPlan plan() {
    return faults;
  }
}
