package org.cetak.sim.printer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
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
 * <p>A chip's UID is unique to its card, as a real chip's is: besides draws from the printer's
 * seeded random source (which start again at each start of the simulator) it carries the printer's
 * name and the blank's number, and a printer restored from its saved state numbers its blanks on
 * from where it stopped ({@link #blanksMade}), so a restarted printer never repeats a UID it gave
 * before and printers sharing a seed do not give each other's.
 */
final class OperatorPanel {

  private static final Logger log = LoggerFactory.getLogger(OperatorPanel.class);

  private final PrinterConfig config;
  private final Timeline timeline;
  private final FaultStriker striker;
  private final GroundTruth truth;
  private final Set<String> uids = new HashSet<>();
  private Mechanism mechanism;
  private final int nameBits;
  private int loaded;
  private Instant attentionSince;

  OperatorPanel(PrinterConfig config, Timeline timeline, FaultStriker striker, GroundTruth truth) {
    this.config = config;
    this.timeline = timeline;
    this.striker = striker;
    this.truth = truth;
    this.nameBits = config.name().hashCode() * 0x9E3779B1;
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
    byte[] uid = new byte[7];
    do {
      striker.plan().nextBytes(uid);
      uid[0] = 0x04; // NXP, the usual maker of 7-byte UIDs
      for (int i = 1; i <= 3; i++) {
        uid[i] ^= (byte) (nameBits >>> (8 * (i - 1)));
      }
      // the blank's number: the last three bytes differ for 16,777,216 blanks of one printer
      uid[4] = (byte) (number >>> 16);
      uid[5] = (byte) (number >>> 8);
      uid[6] = (byte) number;
    } while (!uids.add(HexFormat.of().formatHex(uid)));
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
