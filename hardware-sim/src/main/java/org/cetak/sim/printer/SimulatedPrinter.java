package org.cetak.sim.printer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.cetak.sim.card.PhysicalCard;
import org.cetak.sim.card.Place;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.fault.FaultType;
import org.cetak.sim.time.Timeline;
import org.cetak.sim.truth.GroundTruth;

/**
 * One simulated card printer. It executes framed requests ({@link #execute}) in its command
 * language, strikes the faults of its plan, and records what physically happens to every card;
 * endpoints ({@code org.cetak.sim.link}) carry the bytes. The parts: {@link Mechanism} (feeder,
 * transport, boxes, counters, the card life), {@link ThermalHead}, {@link OperatorPanel} (what a
 * person does), {@link FaultStriker}, and a {@link CommandSet}.
 *
 * <p>A {@code REBOOT} strikes a status or counter query only while a print sequence is open; it
 * strikes the commands that make the printer act at any time.
 *
 * <p>Thread-safe: one request at a time; a request arriving while another runs gets {@code ERR
 * BUSY}.
 */
public final class SimulatedPrinter {

  private static final List<FaultType> REPLY_FAULTS =
      List.of(
          FaultType.DISCONNECT, FaultType.NO_REPLY, FaultType.LATE_REPLY, FaultType.GARBLED_REPLY);

  private final PrinterConfig config;
  private final Timeline timeline;
  private final FaultPlan faults;
  private final GroundTruth truth;
  private final ReentrantLock lock = new ReentrantLock();
  private final FaultStriker striker;
  private final ThermalHead head;
  private final OperatorPanel panel;
  private final Mechanism mechanism;
  private final CommandSet commands;
  private final AtomicInteger lateRepliesSent = new AtomicInteger();
  private Consumer<PhysicalState> changes;
  private PhysicalState lastTold;

  public SimulatedPrinter(
      PrinterConfig config, Timeline timeline, FaultPlan faults, GroundTruth truth) {
    this.config = config;
    this.timeline = timeline;
    this.faults = faults;
    this.truth = truth;
    this.striker = new FaultStriker(config.name(), faults, truth, timeline);
    this.head = new ThermalHead(config.head(), timeline.now());
    this.panel = new OperatorPanel(config, timeline, striker, truth);
    this.mechanism = new Mechanism(config, timeline, striker, head, panel::callOperator);
    panel.attach(mechanism);
    this.commands =
        switch (config.personality()) {
          case CETAK -> new CetakCommands(config, mechanism, head);
          case EVOLIS -> new VendorCommands(config, mechanism, head);
        };
    panel.loadBlanks(config.blanks());
  }

  public String name() {
    return config.name();
  }

  public PrinterConfig config() {
    return config;
  }

  public Timeline timeline() {
    return timeline;
  }

  public FaultPlan faults() {
    return faults;
  }

  public GroundTruth truth() {
    return truth;
  }

  /** Replies a {@code LATE_REPLY} fault held back that have been written to the wire since. */
  public int lateRepliesSent() {
    return lateRepliesSent.get();
  }

  /** Told by the session once it has written a reply held back by {@code LATE_REPLY}. */
  void lateReplySent() {
    lateRepliesSent.incrementAndGet();
  }

  /** The card parked at the contactless chip station, or null. Read by the chip reader. */
  public PhysicalCard cardAtStation() {
    return mechanism.cardAtStation();
  }

  /** Executes one framed request and returns the reply with its delivery. */
  public Reply execute(Request request) {
    if (!lock.tryLock()) {
      return Reply.of(commands.refused(PrinterError.BUSY));
    }
    try {
      if (request instanceof Request.Malformed m) {
        return Reply.of(commands.refused(m.error()));
      }
      if (request instanceof Request.Command c) {
        return run(c.name(), c.params(), request);
      }
      Request.Panel p = (Request.Panel) request;
      return run(p.compressed() ? "Dbc" : "Db", List.of(), request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(null, Reply.Delivery.NONE);
    } finally {
      tellChange();
      lock.unlock();
    }
  }

  private Reply run(String name, List<String> params, Request request) throws InterruptedException {
    timeline.pass(config.timing().command());
    panel.operatorIfDue();
    coolHead();
    int card = mechanism.concernedCard();
    boolean rebootMayStrike = !commands.isQuery(name) || mechanism.sequenceOpen();
    if (rebootMayStrike && striker.strikes(FaultType.REBOOT, card, name)) {
      mechanism.reboot();
      return new Reply(null, Reply.Delivery.NONE);
    }
    Reply reply = Reply.of(commands.execute(name, params, request));
    for (FaultType t : REPLY_FAULTS) {
      if (striker.strikes(t, card, name)) {
        return reply.with(
            switch (t) {
              case DISCONNECT -> Reply.Delivery.DISCONNECT;
              case NO_REPLY -> Reply.Delivery.NONE;
              case LATE_REPLY -> Reply.Delivery.LATE;
              default -> Reply.Delivery.GARBLED;
            });
      }
    }
    return reply;
  }

  private void coolHead() {
    if (head.coolUntil(timeline.now())) {
      mechanism.headCooled();
    }
  }

  // ---- operator actions (also used by tests and the scenario runner) ----

  /** Loads {@code n} new blanks at the back of the feeder (each with a fresh chip). */
  public void loadBlanks(int n) {
    withLock(() -> panel.loadBlanks(n));
  }

  /**
   * Takes up to {@code n} blanks out of the feeder by hand, the last loaded first (the next to be
   * picked stays), to carry them to another printer's feeder.
   */
  public List<PhysicalCard> takeBlanks(int n) {
    List<PhysicalCard> taken = new ArrayList<>();
    lock.lock();
    try {
      taken.addAll(mechanism.takeBlanks(n));
    } finally {
      tellChange();
      lock.unlock();
    }
    return taken;
  }

  /** Puts blanks carried from another printer's feeder at the back of this one's. */
  public void putBlanks(List<PhysicalCard> cards) {
    withLock(
        () -> {
          cards.forEach(mechanism::addBlank);
          if (!cards.isEmpty()) {
            mechanism.blanksLoaded();
          }
        });
  }

  /** Opens the cover (the operator lifts it). */
  public void openCover() {
    withLock(panel::openCover);
  }

  /** Closes the cover; clears a cover error. */
  public void closeCover() {
    withLock(mechanism::closeCover);
  }

  /** Takes a jammed card out by hand; it ends {@link Place#REMOVED_BY_OPERATOR}. */
  public void removeJammedCard() {
    withLock(mechanism::removeJammedCard);
  }

  /**
   * Takes the card inside out by hand wherever it stopped (the operator opens a printer no host
   * drives any more); it ends {@link Place#REMOVED_BY_OPERATOR}.
   */
  public void takeOutCard() {
    withLock(mechanism::takeOutCard);
  }

  /** Empties the reject box (the cards stay REJECT_BOX in the ground truth). */
  public void emptyRejectBox() {
    withLock(mechanism::emptyRejectBox);
  }

  /** Empties the output hopper (the cards stay HOPPER in the ground truth). */
  public void emptyHopper() {
    withLock(mechanism::emptyHopper);
  }

  /** Puts in a fresh ribbon with {@code prints} prints. */
  public void replaceRibbon(int prints) {
    withLock(() -> mechanism.replaceRibbon(prints));
  }

  private void withLock(Runnable action) {
    lock.lock();
    try {
      action.run();
    } finally {
      tellChange();
      lock.unlock();
    }
  }

  /**
   * Tells {@code changes} the printer's physical state whenever a command or an operator's action
   * changed it, as a real printer keeps its counters through a power cut: called under the
   * printer's lock, one change at a time and in order, after the command's reply is made and before
   * it is sent; a command cut short leaves the state it started from.
   */
  public void onPhysicalChange(Consumer<PhysicalState> changes) {
    withLock(
        () -> {
          this.changes = changes;
          lastTold = physicalState();
        });
  }

  private void tellChange() {
    if (changes == null) {
      return;
    }
    PhysicalState now = physicalState();
    if (!now.equals(lastTold)) {
      lastTold = now;
      changes.accept(now);
    }
  }

  /**
   * What a power cut leaves in the printer: the blanks in the feeder, the counters, the boxes, the
   * ribbon and where the card inside lies. A host that keeps its simulated printers between runs
   * saves this and {@linkplain #restore restores} it into a printer built from the same config.
   *
   * @param inside where the card inside lies, null when none
   * @param blanksMade how many blanks the printer has numbered so far: a restored printer numbers
   *     its next blanks after them, so their chips never repeat a UID it gave before
   */
  public record PhysicalState(
      int feeder,
      int ribbonLeft,
      int rejectBox,
      int hopper,
      long picked,
      long panels,
      long printedCards,
      long rejected,
      boolean coverOpen,
      Place inside,
      int blanksMade) {}

  /** The printer's physical state, taken between two commands. */
  public PhysicalState physicalState() {
    lock.lock();
    try {
      return physicalState(status(), panel.blanksMade());
    } finally {
      lock.unlock();
    }
  }

  private static PhysicalState physicalState(Status s, int blanksMade) {
    return new PhysicalState(
        s.feeder(),
        s.ribbonLeft(),
        s.rejectBox(),
        s.hopper(),
        s.picked(),
        s.panelsPrinted(),
        s.cardsPrinted(),
        s.rejected(),
        s.coverOpen(),
        s.position(),
        blanksMade);
  }

  /**
   * Puts the printer back in a saved physical state, as after switching it on again: the feeder
   * holds that many fresh blanks, numbered after the blanks the state counts, a card inside is a
   * fresh blank at its place, and no print sequence is open.
   */
  public void restore(PhysicalState state) {
    withLock(
        () -> {
          mechanism.restore(state);
          panel.continueAfter(state.blanksMade());
          panel.loadBlanks(state.feeder());
          if (state.inside() != null) {
            mechanism.putInside(panel.newBlank(), state.inside());
          }
        });
  }

  /** A consistent copy of the printer's state, for tests and consoles. */
  public Status status() {
    lock.lock();
    try {
      coolHead();
      PhysicalCard c = mechanism.inside();
      PrinterError error = mechanism.error();
      return new Status(
          c == null ? null : c.place(),
          c == null ? 0 : c.number(),
          error == null ? "NONE" : error.word(),
          head.cooling(),
          mechanism.feederCount(),
          mechanism.ribbonLeft(),
          mechanism.rejectCount(),
          mechanism.hopperCount(),
          mechanism.coverOpen(),
          head.temperature(),
          mechanism.picked(),
          mechanism.panels(),
          mechanism.printedCards(),
          mechanism.rejected(),
          mechanism.sequenceOpen());
    } finally {
      lock.unlock();
    }
  }

  /**
   * The printer's state.
   *
   * @param position where the card inside is, null when none
   * @param card the number of the card inside, 0 when none
   */
  public record Status(
      Place position,
      int card,
      String error,
      boolean cooling,
      int feeder,
      int ribbonLeft,
      int rejectBox,
      int hopper,
      boolean coverOpen,
      double headTemp,
      long picked,
      long panelsPrinted,
      long cardsPrinted,
      long rejected,
      boolean sequenceOpen) {}

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SimulatedPrinter[%s]", config.name());
  }
}
