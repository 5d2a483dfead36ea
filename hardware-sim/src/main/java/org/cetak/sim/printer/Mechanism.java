package org.cetak.sim.printer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.cetak.sim.card.PhysicalCard;
import org.cetak.sim.card.Place;
import org.cetak.sim.card.PrintedPanel;
import org.cetak.sim.fault.FaultType;
import org.cetak.sim.time.Timeline;

/**
 * The printer's mechanism: feeder, card transport, cover, reject box, output hopper and counters,
 * and the card life of PROTOCOL.md part A (pick, park, print, eject, reject, reset); the print
 * itself, with the ribbon and the panels a sequence loads, is its {@link PrintEngine}. Each action
 * returns {@code null} or the text of its reply; physical errors set the error state. Not
 * thread-safe: the printer's lock guards it.
 *
 * <p>Rules beyond PROTOCOL.md, decided here:
 *
 * <ul>
 *   <li>Only physical errors set the error state; {@code ERR COMMAND}, {@code ERR PARAMETER},
 *       {@code ERR NO CARD} and {@code ERR BUSY} change nothing.
 *   <li>In the error state picking and starting a sequence are refused with the stored error;
 *       eject, reject, clear and the operator may act. A successful eject or reject clears the
 *       error. Clearing leaves it while a jam or an open cover remains.
 *   <li>Side markers and panels outside a sequence get {@code ERR COMMAND}. An eject outside a
 *       sequence ejects the card inside unprinted. A failed eject ends the sequence.
 *   <li>A printed card uses one ribbon print, whatever its panels.
 *   <li>No manual feed is simulated: with insertion {@code M} and no card inside, picking commands
 *       answer {@code ERR NO CARD}.
 * </ul>
 */
final class Mechanism {

  private final PrinterConfig config;
  private final Timeline timeline;
  private final FaultStriker striker;
  private final ThermalHead head;
  private final PrintEngine engine;
  private final Runnable callOperator;
  private final Deque<PhysicalCard> feeder = new ArrayDeque<>();

  private volatile PhysicalCard inside;
  private PrinterError error;
  private String insertion = "F";
  private int rejectCount;
  private int hopperCount;
  private boolean rejectReportsFull;
  private boolean hopperReportsFull;
  private boolean coverOpen;
  private long picked;
  private long rejected;

  /**
   * @param callOperator told when the printer needs a person (its attention light comes on)
   */
  Mechanism(
      PrinterConfig config,
      Timeline timeline,
      FaultStriker striker,
      ThermalHead head,
      Runnable callOperator) {
    this.config = config;
    this.timeline = timeline;
    this.striker = striker;
    this.head = head;
    this.engine = new PrintEngine(config, timeline, striker, head);
    this.callOperator = callOperator;
    this.picked = config.pickedSinceManufacture();
  }

  // ---- what the commands read ----

  PhysicalCard inside() {
    return inside;
  }

  /** The card parked at the contactless chip station, or null. Read by the chip reader. */
  PhysicalCard cardAtStation() {
    PhysicalCard c = inside;
    return c != null && c.place() == Place.CONTACTLESS ? c : null;
  }

  /** The number of the card a fault would strike now: the one inside, else the next blank. */
  int concernedCard() {
    PhysicalCard c = inside;
    if (c != null) {
      return c.number();
    }
    PhysicalCard next = feeder.peekFirst();
    return next == null ? 0 : next.number();
  }

  PrinterError error() {
    return error;
  }

  boolean sequenceOpen() {
    return engine.sequenceOpen();
  }

  int feederCount() {
    return feeder.size();
  }

  int ribbonLeft() {
    return engine.ribbonLeft();
  }

  int rejectCount() {
    return rejectCount;
  }

  int hopperCount() {
    return hopperCount;
  }

  boolean coverOpen() {
    return coverOpen;
  }

  long picked() {
    return picked;
  }

  long panels() {
    return engine.panels();
  }

  long printedCards() {
    return engine.printedCards();
  }

  long rejected() {
    return rejected;
  }

  // ---- settings ----

  /** {@code Pr}: false when the ribbon type is unknown. */
  boolean setRibbonType(String type) {
    return engine.setRibbonType(type);
  }

  String ribbonType() {
    return engine.ribbonType();
  }

  /** {@code Pmi}: false when the mode is unknown. */
  boolean setInsertion(String mode) {
    if (mode == null || !Set.of("F", "M", "B").contains(mode)) {
      return false;
    }
    insertion = mode;
    return true;
  }

  // ---- the card life ----

  /** {@code Sr} / {@code Sv}: the panels that follow are for this side. */
  String side(String side) {
    return engine.side(side);
  }

  /** {@code Db} / {@code Dbc}: a panel loaded into the open sequence. */
  String loadPanel(Request.Panel p) {
    return engine.loadPanel(p);
  }

  /** {@code Sic}, {@code Si}, {@code Ss}: moves the card inside to {@code target}, or picks one. */
  String move(Place target, boolean startSequence) throws InterruptedException {
    if (error != null && error != PrinterError.HEAD_TEMP) {
      return error.reply();
    }
    if (coverOpen) {
      return fail(PrinterError.COVER_OPEN);
    }
    PhysicalCard card = inside;
    if (card != null) {
      if (card.place() == Place.JAMMED) {
        return fail(PrinterError.MECHANICAL);
      }
      if (card.place() != target) {
        timeline.pass(config.timing().stationToPrint());
        card.moveTo(target, timeline.now());
      }
    } else {
      if (insertion.equals("M")) {
        return PrinterError.NO_CARD.reply();
      }
      String failure = pick(target);
      if (failure != null) {
        return failure;
      }
    }
    if (startSequence) {
      engine.startSequence();
    }
    return "OK";
  }

  private String pick(Place target) throws InterruptedException {
    PhysicalCard next = feeder.peekFirst();
    if (next == null) {
      callOperator.run();
      return fail(PrinterError.FEEDER_EMPTY);
    }
    int n = next.number();
    String cmd = target == Place.CONTACTLESS ? "Sic" : "Ss/Si";
    if (striker.strikes(FaultType.FEEDER_EMPTY, n, cmd)) {
      return fail(PrinterError.FEEDER_EMPTY);
    }
    if (striker.strikes(FaultType.PICK_FAILURE, n, cmd)) {
      timeline.pass(config.timing().pickToPrint());
      return fail(PrinterError.FEEDER);
    }
    feeder.pollFirst();
    picked++;
    if (striker.strikes(FaultType.DOUBLE_FEED, n, cmd)) {
      timeline.pass(config.timing().reject());
      next.note("double feed: ejected unprinted to the reject box");
      next.moveTo(Place.REJECT_BOX, timeline.now());
      rejectCount++;
      rejected++;
      return fail(PrinterError.FEEDER);
    }
    if (striker.strikes(FaultType.JAM_AT_PICK, n, cmd)) {
      timeline.pass(config.timing().pickToPrint().dividedBy(2));
      next.note("jammed at pick");
      next.moveTo(Place.JAMMED, timeline.now());
      inside = next;
      callOperator.run();
      return fail(PrinterError.MECHANICAL);
    }
    timeline.pass(
        target == Place.CONTACTLESS
            ? config.timing().pickToContactless()
            : config.timing().pickToPrint());
    next.moveTo(target, timeline.now());
    inside = next;
    return null;
  }

  /** {@code Se}: prints what the sequence loaded and ejects the card to the output hopper. */
  String printAndEject() throws InterruptedException {
    PhysicalCard card = inside;
    if (card == null) {
      engine.forgetSequence();
      return PrinterError.NO_CARD.reply();
    }
    List<PrintedPanel> loaded = engine.endSequence();
    if (coverOpen) {
      return fail(PrinterError.COVER_OPEN);
    }
    if (card.place() == Place.JAMMED) {
      return fail(PrinterError.MECHANICAL);
    }
    int n = card.number();
    if (striker.strikes(FaultType.COVER_OPEN, n, "Se")) {
      coverOpen = true;
      callOperator.run();
      card.note("cover opened during the job");
      return fail(PrinterError.COVER_OPEN);
    }
    if (striker.strikes(FaultType.HOPPER_FULL, n, "Se")) {
      hopperReportsFull = true;
    }
    if (hopperReportsFull || hopperCount >= config.hopperCapacity()) {
      callOperator.run();
      return fail(PrinterError.HOPPER_FULL);
    }
    if (!loaded.isEmpty()) {
      PrinterError failure = engine.print(card, loaded);
      if (failure != null) {
        if (failure != PrinterError.HEAD_TEMP) {
          // a ribbon to change or a card jammed: a person has to come
          callOperator.run();
        }
        return fail(failure);
      }
    }
    if (striker.strikes(FaultType.JAM_AT_EJECT, n, "Se")) {
      timeline.pass(config.timing().eject().dividedBy(2));
      card.note("jammed at eject");
      card.moveTo(Place.JAMMED, timeline.now());
      callOperator.run();
      return fail(PrinterError.MECHANICAL);
    }
    timeline.pass(config.timing().eject());
    card.moveTo(Place.HOPPER, timeline.now());
    hopperCount++;
    inside = null;
    error = null;
    return "OK";
  }

  /** {@code Ser}: ejects the card inside into the reject box. */
  String reject() throws InterruptedException {
    PhysicalCard card = inside;
    if (card == null) {
      return PrinterError.NO_CARD.reply();
    }
    if (coverOpen) {
      return fail(PrinterError.COVER_OPEN);
    }
    if (card.place() == Place.JAMMED) {
      return fail(PrinterError.MECHANICAL);
    }
    if (striker.strikes(FaultType.REJECT_BOX_FULL, card.number(), "Ser")) {
      rejectReportsFull = true;
    }
    if (rejectReportsFull || rejectCount >= config.rejectBoxCapacity()) {
      callOperator.run();
      return fail(PrinterError.REJECT_BOX_FULL);
    }
    timeline.pass(config.timing().reject());
    card.moveTo(Place.REJECT_BOX, timeline.now());
    rejectCount++;
    rejected++;
    inside = null;
    engine.forgetSequence();
    error = null;
    return "OK";
  }

  /** {@code Srs} or a crash: the printer restarts, forgets its sequence; a card inside stays. */
  void reboot() throws InterruptedException {
    timeline.pass(config.timing().reboot());
    engine.forgetSequence();
    insertion = "F";
    clearError();
    PhysicalCard c = inside;
    if (c != null) {
      c.note("printer rebooted with the card inside");
    }
  }

  /** {@code Scs}: clears the error state unless a cause remains. */
  void clearError() {
    PhysicalCard c = inside;
    if (coverOpen) {
      error = PrinterError.COVER_OPEN;
    } else if (c != null && c.place() == Place.JAMMED) {
      error = PrinterError.MECHANICAL;
    } else if (head.cooling()) {
      error = PrinterError.HEAD_TEMP;
    } else {
      error = null;
    }
  }

  /** The head has cooled: a head-temperature error ends by itself. */
  void headCooled() {
    if (error == PrinterError.HEAD_TEMP) {
      error = null;
    }
  }

  private String fail(PrinterError e) {
    error = e;
    return e.reply();
  }

  // ---- switched on again in a saved state ----

  /** Empties the printer and sets its counters, boxes, ribbon and cover as saved. */
  void restore(SimulatedPrinter.PhysicalState state) {
    feeder.clear();
    inside = null;
    error = null;
    engine.restore(state.ribbonLeft(), state.panels(), state.printedCards());
    rejectCount = state.rejectBox();
    hopperCount = state.hopper();
    picked = state.picked();
    rejected = state.rejected();
    coverOpen = state.coverOpen();
  }

  /** A card that was inside when the printer was switched off. */
  void putInside(PhysicalCard card, Place place) {
    card.moveTo(place, timeline.now());
    inside = card;
  }

  // ---- what a person's hands do ----

  void addBlank(PhysicalCard card) {
    feeder.addLast(card);
  }

  /** Takes up to {@code n} blanks from the back of the feeder, the last loaded first. */
  List<PhysicalCard> takeBlanks(int n) {
    List<PhysicalCard> taken = new ArrayList<>();
    while (taken.size() < n && !feeder.isEmpty()) {
      taken.add(feeder.pollLast());
    }
    return taken;
  }

  void blanksLoaded() {
    if (error == PrinterError.FEEDER_EMPTY) {
      error = null;
    }
  }

  void openCover() {
    coverOpen = true;
  }

  void closeCover() {
    coverOpen = false;
    if (error == PrinterError.COVER_OPEN) {
      error = null;
    }
  }

  /** Takes a jammed card out by hand; it ends {@link Place#REMOVED_BY_OPERATOR}. */
  void takeOutCard() {
    PhysicalCard c = inside;
    if (c != null) {
      c.moveTo(Place.REMOVED_BY_OPERATOR, timeline.now());
      c.note("taken out of the printer by the operator");
      inside = null;
      engine.forgetSequence();
      if (error == PrinterError.MECHANICAL) {
        error = null;
      }
    }
  }

  void removeJammedCard() {
    PhysicalCard c = inside;
    if (c != null && c.place() == Place.JAMMED) {
      c.moveTo(Place.REMOVED_BY_OPERATOR, timeline.now());
      c.note("removed from the printer by the operator");
      inside = null;
      engine.forgetSequence();
      if (error == PrinterError.MECHANICAL) {
        error = null;
      }
    }
  }

  void emptyRejectBox() {
    rejectCount = 0;
    rejectReportsFull = false;
    if (error == PrinterError.REJECT_BOX_FULL) {
      error = null;
    }
  }

  void emptyHopper() {
    hopperCount = 0;
    hopperReportsFull = false;
    if (error == PrinterError.HOPPER_FULL) {
      error = null;
    }
  }

  void replaceRibbon(int prints) {
    engine.replaceRibbon(prints);
    if (error == PrinterError.RIBBON) {
      error = null;
    }
  }
}
