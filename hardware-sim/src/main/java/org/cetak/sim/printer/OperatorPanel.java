package org.cetak.sim.printer;

import java.time.Duration;
import java.time.Instant;
import org.cetak.sim.card.Chip;
import org.cetak.sim.card.ChipFaults;
import org.cetak.sim.card.PhysicalCard;
import org.cetak.sim.fault.FaultType;
import org.cetak.sim.time.Timeline;
import org.cetak.sim.truth.GroundTruth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person does at the printer: loads blanks (each with a fresh chip), answers the attention
 * light, and — when the configuration has one — the simulated operator who clears every condition
 * that needs hands some time after the light came on. Not thread-safe: the printer's lock guards
 * it.
 *
 * <p>A chip's UID is unique to its card, as a real chip's is, by construction: seven bytes in the
 * ISO 14443 double-size form, the NXP maker byte {@code 04}, the printer's mark (three bytes from
 * its serial number, unique among the printers of a run: {@link GroundTruth#printerMark}) and the
 * blank's number (three bytes). A printer restored from its saved state numbers its blanks on from
 * where it stopped ({@link #blanksMade}), so a restarted printer never repeats a UID it gave before
 * and no two printers of a run give the same one.
 */
final class OperatorPanel {

  private static final Logger log = LoggerFactory.getLogger(OperatorPanel.class);

  private final PrinterConfig config;
  private final Timeline timeline;
  private final FaultStriker striker;
  private final GroundTruth truth;
  private Mechanism mechanism;
  private final int mark;
  private int loaded;
  private Instant attentionSince;

  OperatorPanel(PrinterConfig config, Timeline timeline, FaultStriker striker, GroundTruth truth) {
    this.config = config;
    this.timeline = timeline;
    this.striker = striker;
    this.truth = truth;
    this.mark = truth.printerMark(config.serialNumber());
  }

  /** How many blanks this printer has made, over every run restored from its saved state. */
  int blanksMade() {
    return loaded;
  }

  /** Numbers the next blanks after {@code made} (a saved state's count), never going back. */
  void continueAfter(int made) {
    loaded = Math.max(loaded, made);
  }

  void attach(Mechanism m) {
    this.mechanism = m;
  }

  /** The printer lights its attention light (once until the operator has been). */
  void callOperator() {
    if (attentionSince == null) {
      attentionSince = timeline.now();
    }
  }

  /** The simulated operator clears the printer when the light has been on long enough. */
  void operatorIfDue() {
    Duration after = config.operatorResponse();
    if (after != null
        && attentionSince != null
        && !timeline.now().isBefore(attentionSince.plus(after))) {
      log.info("{}: simulated operator clears the printer", config.name());
      mechanism.closeCover();
      mechanism.removeJammedCard();
      mechanism.emptyRejectBox();
      mechanism.emptyHopper();
      if (mechanism.ribbonLeft() == 0) {
        mechanism.replaceRibbon(config.ribbonPrints());
      }
      attentionSince = null;
    }
  }

  /** Loads {@code n} new blanks at the back of the feeder, each registered in the ground truth. */
  void loadBlanks(int n) {
    for (int i = 0; i < n; i++) {
      mechanism.addBlank(newBlank());
    }
    if (n > 0) {
      mechanism.blanksLoaded();
    }
  }

  /** A new blank with a fresh chip, registered in the ground truth. */
  PhysicalCard newBlank() {
    int number = ++loaded;
    PhysicalCard card = new PhysicalCard(config.name(), number, newChip(number), timeline.now());
    truth.register(card);
    return card;
  }

  void openCover() {
    mechanism.openCover();
    callOperator();
  }

  private Chip newChip(int number) {
    if (number > 0xFFFFFF) {
      throw new IllegalStateException(
          config.name() + ": a printer's chips are numbered in three bytes, not " + number);
    }
    byte[] uid = {
      0x04, // NXP, the usual maker of 7-byte UIDs
      (byte) (mark >>> 16),
      (byte) (mark >>> 8),
      (byte) mark,
      (byte) (number >>> 16),
      (byte) (number >>> 8),
      (byte) number
    };
    ChipFaults cf = ChipFaults.NONE;
    boolean dead = striker.plan().nextDouble() < config.deadChipRate();
    if (dead || striker.strikes(FaultType.MUTE_CHIP, number, null)) {
      cf = cf.withMute();
    }
    if (striker.strikes(FaultType.CHIP_REMOVED_MID_WRITE, number, null)) {
      cf = cf.withRemovedAtWrite(3);
    }
    if (striker.strikes(FaultType.CHIP_WRITE_FAILURE, number, null)) {
      cf = cf.withFailsAtWrite(2);
    }
    if (striker.strikes(FaultType.SLOW_CHIP, number, null)) {
      cf = cf.withSlowFactor(3);
    }
    return new Chip(uid, cf);
  }
}
