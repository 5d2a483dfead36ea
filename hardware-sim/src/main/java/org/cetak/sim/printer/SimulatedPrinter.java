package org.cetak.sim.printer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.cetak.sim.card.Chip;
import org.cetak.sim.card.ChipFaults;
import org.cetak.sim.card.Condition;
import org.cetak.sim.card.PhysicalCard;
import org.cetak.sim.card.Place;
import org.cetak.sim.card.PrintedPanel;
import org.cetak.sim.fault.FaultEvent;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.fault.FaultType;
import org.cetak.sim.time.Timeline;
import org.cetak.sim.truth.GroundTruth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated card printer: feeder, transport, ribbon, cover, reject box, output hopper, print
 * head, counters, and the card life of PROTOCOL.md part A. It executes framed requests ({@link
 * #execute}); endpoints ({@code org.cetak.sim.link}) carry the bytes.
 *
 * <p>Rules beyond PROTOCOL.md, decided here:
 *
 * <ul>
 *   <li>Only physical errors set the error state ({@code Rst STATE=ERROR}); {@code ERR COMMAND},
 *       {@code ERR PARAMETER}, {@code ERR NO CARD} and {@code ERR BUSY} change nothing.
 *   <li>In the error state {@code Sic}, {@code Si} and {@code Ss} are refused with the stored
 *       error; {@code Se}, {@code Ser}, {@code Scs} and the operator may act. A successful {@code
 *       Se}/{@code Ser} clears the error. {@code Scs} clears it unless a jam or an open cover
 *       remains.
 *   <li>{@code Sr}, {@code Sv}, {@code Db}, {@code Dbc} outside a sequence get {@code ERR COMMAND}.
 *       {@code Se} outside a sequence ejects the card inside unprinted. A failed {@code Se} ends
 *       the sequence (the host starts again with {@code Ss}).
 *   <li>A printed card uses one ribbon print, whatever its panels.
 *   <li>No manual feed is simulated: with {@code Pmi;M} and no card inside, picking commands answer
 *       {@code ERR NO CARD}.
 *   <li>A {@code REBOOT} strikes a status or counter query only while a print sequence is open; it
 *       strikes the commands that make the printer act at any time.
 * </ul>
 *
 * <p>Thread-safe: one request at a time; a request arriving while another runs gets {@code ERR
 * BUSY}.
 */
public final class SimulatedPrinter {

  private static final Logger log = LoggerFactory.getLogger(SimulatedPrinter.class);

  /**
   * Requests that only read the printer. A reboot strikes them only while a print sequence is open
   * (the printer is working on a card): a printer does not crash more often because a host asks
   * more often how it is, and an idle station asks many times a second.
   */
  private static final Set<String> QUERIES =
      Set.of("Rtp", "Rsn", "Rfv", "Rco", "Rcr", "Rlr", "Rst");

  private final PrinterConfig config;
  private final Timeline timeline;
  private final FaultPlan faults;
  private final GroundTruth truth;
  private final ReentrantLock lock = new ReentrantLock();
  private final Deque<PhysicalCard> feeder = new ArrayDeque<>();
  private final Set<String> uids = new HashSet<>();
  private int loaded;

  private volatile PhysicalCard inside;
  private PrinterError error;
  private Sequence sequence;
  private String insertion = "F";
  private String ribbonType;
  private int ribbonLeft;
  private int rejectCount;
  private int hopperCount;
  private boolean rejectReportsFull;
  private boolean hopperReportsFull;
  private boolean coverOpen;
  private Instant attentionSince;
  private double headTemp;
  private Instant headAt;
  private boolean cooling;
  private long picked;
  private long panels;
  private long printedCards;
  private long rejected;

  public SimulatedPrinter(
      PrinterConfig config, Timeline timeline, FaultPlan faults, GroundTruth truth) {
    this.config = config;
    this.timeline = timeline;
    this.faults = faults;
    this.truth = truth;
    this.ribbonType = config.ribbonType();
    this.ribbonLeft = config.ribbonPrints();
    this.picked = config.pickedSinceManufacture();
    this.panels = config.panelsSinceManufacture();
    this.headTemp = config.head().ambient();
    this.headAt = timeline.now();
    loadBlanks(config.blanks());
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

  /** The card parked at the contactless chip station, or null. Read by the chip reader. */
  public PhysicalCard cardAtStation() {
    PhysicalCard c = inside;
    return c != null && c.place() == Place.CONTACTLESS ? c : null;
  }

  /** Executes one framed request and returns the reply with its delivery. */
  public Reply execute(Request request) {
    if (!lock.tryLock()) {
      return Reply.of(PrinterError.BUSY.reply());
    }
    try {
      if (request instanceof Request.Malformed m) {
        return Reply.of(m.error().reply());
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
      lock.unlock();
    }
  }

  private Reply run(String name, List<String> params, Request request) throws InterruptedException {
    timeline.pass(config.timing().command());
    operatorIfDue();
    updateHead();
    int card = concernedCard();
    Boolean reboot =
        QUERIES.contains(name) && sequence == null
            ? null
            : faults.strikes(FaultType.REBOOT, card, name);
    if (reboot != null) {
      fault(FaultType.REBOOT, card, name, reboot);
      reboot();
      return new Reply(null, Reply.Delivery.NONE);
    }
    String text = dispatch(name, params, request);
    Reply reply = Reply.of(text);
    for (FaultType t :
        List.of(
            FaultType.DISCONNECT,
            FaultType.NO_REPLY,
            FaultType.LATE_REPLY,
            FaultType.GARBLED_REPLY)) {
      Boolean s = faults.strikes(t, card, name);
      if (s != null) {
        fault(t, card, name, s);
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

  private String dispatch(String name, List<String> params, Request request)
      throws InterruptedException {
    if (request instanceof Request.Panel p) {
      return loadPanel(p);
    }
    boolean noParams = params.isEmpty();
    String param = params.size() == 1 ? params.get(0) : null;
    switch (name) {
      case "Rtp":
        return noParams ? config.model() : badParameter();
      case "Rsn":
        return noParams ? config.serialNumber() : badParameter();
      case "Rfv":
        return noParams ? config.firmware() : badParameter();
      case "Rco":
        if ("c".equals(param)) {
          return Long.toString(picked);
        }
        return "p".equals(param) ? Long.toString(panels) : badParameter();
      case "Rcr":
        if (!noParams) {
          return badParameter();
        }
        return ribbonLeft > 0 ? "OK" : PrinterError.RIBBON.reply();
      case "Rlr":
        if (!"p".equals(param)) {
          return badParameter();
        }
        return inside == null ? "NO CARD" : "ERR CARD";
      case "Pr":
        if (param == null
            || !Set.of("ymcko", "ymckok", "ymckoko", "ko", "kb", "k").contains(param)) {
          return badParameter();
        }
        ribbonType = param;
        return "OK";
      case "Pmi":
        if (param == null || !Set.of("F", "M", "B").contains(param)) {
          return badParameter();
        }
        insertion = param;
        return "OK";
      case "Rst":
        return noParams ? statusLine() : badParameter();
      case "Scs":
        if (!noParams) {
          return badParameter();
        }
        clearErrorIfPossible();
        return "OK";
      case "Srs":
        if (!noParams) {
          return badParameter();
        }
        reboot();
        return "OK";
      case "Sic":
        return noParams ? move(Place.CONTACTLESS, false) : badParameter();
      case "Si":
        return noParams ? move(Place.PRINT, false) : badParameter();
      case "Ss":
        return noParams ? move(Place.PRINT, true) : badParameter();
      case "Sr":
      case "Sv":
        if (!noParams) {
          return badParameter();
        }
        if (sequence == null) {
          return PrinterError.COMMAND.reply();
        }
        sequence.side = name.equals("Sr") ? "front" : "back";
        return "OK";
      case "Se":
        return noParams ? printAndEject() : badParameter();
      case "Ser":
        return noParams ? reject() : badParameter();
      default:
        return PrinterError.COMMAND.reply();
    }
  }

  private static String badParameter() {
    return PrinterError.PARAMETER.reply();
  }

  private String loadPanel(Request.Panel p) {
    if (sequence == null) {
      return PrinterError.COMMAND.reply();
    }
    sequence.panels.add(new PrintedPanel(sequence.side, p.panel(), p.levels(), p.sha256()));
    return "OK";
  }

  private String move(Place target, boolean startSequence) throws InterruptedException {
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
      sequence = new Sequence();
    }
    return "OK";
  }

  private String pick(Place target) throws InterruptedException {
    PhysicalCard next = feeder.peekFirst();
    if (next == null) {
      attention();
      return fail(PrinterError.FEEDER_EMPTY);
    }
    int n = next.number();
    String cmd = target == Place.CONTACTLESS ? "Sic" : "Ss/Si";
    if (strikes(FaultType.FEEDER_EMPTY, n, cmd)) {
      return fail(PrinterError.FEEDER_EMPTY);
    }
    if (strikes(FaultType.PICK_FAILURE, n, cmd)) {
      timeline.pass(config.timing().pickToPrint());
      return fail(PrinterError.FEEDER);
    }
    feeder.pollFirst();
    picked++;
    if (strikes(FaultType.DOUBLE_FEED, n, cmd)) {
      timeline.pass(config.timing().reject());
      next.note("double feed: ejected unprinted to the reject box");
      next.moveTo(Place.REJECT_BOX, timeline.now());
      rejectCount++;
      rejected++;
      return fail(PrinterError.FEEDER);
    }
    if (strikes(FaultType.JAM_AT_PICK, n, cmd)) {
      timeline.pass(config.timing().pickToPrint().dividedBy(2));
      next.note("jammed at pick");
      next.moveTo(Place.JAMMED, timeline.now());
      inside = next;
      attention();
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

  private String printAndEject() throws InterruptedException {
    PhysicalCard card = inside;
    if (card == null) {
      sequence = null;
      return PrinterError.NO_CARD.reply();
    }
    Sequence seq = sequence;
    sequence = null;
    if (coverOpen) {
      return fail(PrinterError.COVER_OPEN);
    }
    if (card.place() == Place.JAMMED) {
      return fail(PrinterError.MECHANICAL);
    }
    int n = card.number();
    if (strikes(FaultType.COVER_OPEN, n, "Se")) {
      coverOpen = true;
      attention();
      card.note("cover opened during the job");
      return fail(PrinterError.COVER_OPEN);
    }
    if (strikes(FaultType.HOPPER_FULL, n, "Se")) {
      hopperReportsFull = true;
    }
    if (hopperReportsFull || hopperCount >= config.hopperCapacity()) {
      attention();
      return fail(PrinterError.HOPPER_FULL);
    }
    List<PrintedPanel> loaded = seq == null ? List.of() : seq.panels;
    if (!loaded.isEmpty()) {
      if (card.place() == Place.CONTACTLESS) {
        timeline.pass(config.timing().stationToPrint());
        card.moveTo(Place.PRINT, timeline.now());
      }
      if (cooling) {
        return fail(PrinterError.HEAD_TEMP);
      }
      if (ribbonLeft <= 0) {
        attention();
        return fail(PrinterError.RIBBON);
      }
      if (strikes(FaultType.OVERHEAT, n, "Se")) {
        overheat();
        return fail(PrinterError.HEAD_TEMP);
      }
      Duration printTime = printTime(loaded);
      if (strikes(FaultType.OVERHEAT_MELT, n, "Se")) {
        overheat();
        timeline.pass(printTime);
        usePrint(loaded.size());
        card.print(loaded, Condition.MELTED);
        card.note("forced through an overheated head: melted");
        return fail(PrinterError.HEAD_TEMP);
      }
      if (strikes(FaultType.RIBBON_END, n, "Se")) {
        List<PrintedPanel> half = loaded.subList(0, (loaded.size() + 1) / 2);
        timeline.pass(printTime.dividedBy(2));
        panels += half.size();
        ribbonLeft = 0;
        card.print(half, Condition.PARTLY_PRINTED);
        card.note("ribbon ended during print");
        attention();
        return fail(PrinterError.RIBBON);
      }
      if (strikes(FaultType.JAM_AT_PRINT, n, "Se")) {
        List<PrintedPanel> half = loaded.subList(0, (loaded.size() + 1) / 2);
        timeline.pass(printTime.dividedBy(2));
        usePrint(half.size());
        card.print(half, Condition.PARTLY_PRINTED);
        card.note("jammed during print");
        card.moveTo(Place.JAMMED, timeline.now());
        attention();
        return fail(PrinterError.MECHANICAL);
      }
      timeline.pass(printTime);
      usePrint(loaded.size());
      card.print(loaded, Condition.PRINTED);
      printedCards++;
    }
    if (strikes(FaultType.JAM_AT_EJECT, n, "Se")) {
      timeline.pass(config.timing().eject().dividedBy(2));
      card.note("jammed at eject");
      card.moveTo(Place.JAMMED, timeline.now());
      attention();
      return fail(PrinterError.MECHANICAL);
    }
    timeline.pass(config.timing().eject());
    card.moveTo(Place.HOPPER, timeline.now());
    hopperCount++;
    inside = null;
    error = null;
    return "OK";
  }

  private void usePrint(int panelCount) {
    panels += panelCount;
    ribbonLeft = Math.max(0, ribbonLeft - 1);
    headTemp += config.head().heatPerCard();
    if (headTemp >= config.head().limit()) {
      cooling = true;
    }
  }

  private void overheat() {
    headTemp = Math.max(headTemp, config.head().limit() + 10);
    cooling = true;
  }

  private Duration printTime(List<PrintedPanel> loaded) {
    Duration total = Duration.ZERO;
    for (String side : List.of("front", "back")) {
      boolean any = false;
      boolean colour = false;
      for (PrintedPanel p : loaded) {
        if (p.side().equals(side)) {
          any = true;
          colour |= p.panel().equals("y") || p.panel().equals("m") || p.panel().equals("c");
        }
      }
      if (any) {
        total = total.plus(colour ? config.timing().colourSide() : config.timing().monoSide());
      }
    }
    return total;
  }

  private String reject() throws InterruptedException {
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
    if (strikes(FaultType.REJECT_BOX_FULL, card.number(), "Ser")) {
      rejectReportsFull = true;
    }
    if (rejectReportsFull || rejectCount >= config.rejectBoxCapacity()) {
      attention();
      return fail(PrinterError.REJECT_BOX_FULL);
    }
    timeline.pass(config.timing().reject());
    card.moveTo(Place.REJECT_BOX, timeline.now());
    rejectCount++;
    rejected++;
    inside = null;
    sequence = null;
    error = null;
    return "OK";
  }

  private void reboot() throws InterruptedException {
    timeline.pass(config.timing().reboot());
    sequence = null;
    insertion = "F";
    clearErrorIfPossible();
    PhysicalCard c = inside;
    if (c != null) {
      c.note("printer rebooted with the card inside");
    }
  }

  private void clearErrorIfPossible() {
    PhysicalCard c = inside;
    if (coverOpen) {
      error = PrinterError.COVER_OPEN;
    } else if (c != null && c.place() == Place.JAMMED) {
      error = PrinterError.MECHANICAL;
    } else if (cooling) {
      error = PrinterError.HEAD_TEMP;
    } else {
      error = null;
    }
  }

  private String fail(PrinterError e) {
    error = e;
    return e.reply();
  }

  private void attention() {
    if (attentionSince == null) {
      attentionSince = timeline.now();
    }
  }

  private void updateHead() {
    Instant now = timeline.now();
    double seconds = Duration.between(headAt, now).toNanos() / 1e9;
    if (seconds > 0) {
      headTemp =
          Math.max(config.head().ambient(), headTemp - seconds * config.head().coolingPerSecond());
      headAt = now;
    }
    if (cooling && headTemp <= config.head().resume()) {
      cooling = false;
      if (error == PrinterError.HEAD_TEMP) {
        error = null;
      }
    }
  }

  private void operatorIfDue() {
    Duration after = config.operatorResponse();
    if (after != null
        && attentionSince != null
        && !timeline.now().isBefore(attentionSince.plus(after))) {
      log.info("{}: simulated operator clears the printer", config.name());
      closeCover();
      removeJammedCard();
      emptyRejectBox();
      emptyHopper();
      if (ribbonLeft == 0) {
        replaceRibbon(config.ribbonPrints());
      }
      attentionSince = null;
    }
  }

  private int concernedCard() {
    PhysicalCard c = inside;
    if (c != null) {
      return c.number();
    }
    PhysicalCard next = feeder.peekFirst();
    return next == null ? 0 : next.number();
  }

  private boolean strikes(FaultType type, int card, String command) {
    Boolean s = faults.strikes(type, card, command);
    if (s == null) {
      return false;
    }
    fault(type, card, command, s);
    return true;
  }

  private void fault(FaultType type, int card, String command, boolean scripted) {
    log.info("{}: fault {} strikes card {} during {}", config.name(), type, card, command);
    truth.record(new FaultEvent(timeline.now(), config.name(), card, type, command, scripted));
  }

  private String statusLine() {
    PhysicalCard c = inside;
    String pos = c == null ? "NONE" : c.place().name();
    String state = cooling ? "COOLING" : error != null ? "ERROR" : "READY";
    return "OK;POS="
        + pos
        + ";STATE="
        + state
        + ";ERR="
        + (error == null ? "NONE" : error.word())
        + ";FEED="
        + feeder.size()
        + ";RIB="
        + ribbonLeft
        + ";REJ="
        + rejectCount
        + "/"
        + config.rejectBoxCapacity()
        + ";HOP="
        + hopperCount
        + "/"
        + config.hopperCapacity()
        + ";COVER="
        + (coverOpen ? "OPEN" : "CLOSED")
        + ";TEMP="
        + Math.round(headTemp)
        + ";PICKED="
        + picked;
  }

  // ---- operator actions (also used by tests and the scenario runner) ----

  /** Loads {@code n} new blanks at the back of the feeder (each with a fresh chip). */
  public void loadBlanks(int n) {
    lock.lock();
    try {
      for (int i = 0; i < n; i++) {
        int number = ++loaded;
        PhysicalCard card =
            new PhysicalCard(config.name(), number, newChip(number), timeline.now());
        truth.register(card);
        feeder.addLast(card);
      }
      if (error == PrinterError.FEEDER_EMPTY && n > 0) {
        error = null;
      }
    } finally {
      lock.unlock();
    }
  }

  private Chip newChip(int number) {
    byte[] uid = new byte[7];
    do {
      faults.nextBytes(uid);
      uid[0] = 0x04; // NXP, the usual maker of 7-byte UIDs
    } while (!uids.add(java.util.HexFormat.of().formatHex(uid)));
    ChipFaults cf = ChipFaults.NONE;
    boolean dead = faults.nextDouble() < config.deadChipRate();
    if (dead || strikes(FaultType.MUTE_CHIP, number, null)) {
      cf = cf.withMute();
    }
    if (strikes(FaultType.CHIP_REMOVED_MID_WRITE, number, null)) {
      cf = cf.withRemovedAtWrite(3);
    }
    if (strikes(FaultType.CHIP_WRITE_FAILURE, number, null)) {
      cf = cf.withFailsAtWrite(2);
    }
    if (strikes(FaultType.SLOW_CHIP, number, null)) {
      cf = cf.withSlowFactor(3);
    }
    return new Chip(uid, cf);
  }

  /** Opens the cover (the operator lifts it). */
  public void openCover() {
    lock.lock();
    try {
      coverOpen = true;
      attention();
    } finally {
      lock.unlock();
    }
  }

  /** Closes the cover; clears a cover error. */
  public void closeCover() {
    lock.lock();
    try {
      coverOpen = false;
      if (error == PrinterError.COVER_OPEN) {
        error = null;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Takes a jammed card out by hand; it ends {@link Place#REMOVED_BY_OPERATOR}. */
  public void removeJammedCard() {
    lock.lock();
    try {
      PhysicalCard c = inside;
      if (c != null && c.place() == Place.JAMMED) {
        c.moveTo(Place.REMOVED_BY_OPERATOR, timeline.now());
        c.note("removed from the printer by the operator");
        inside = null;
        sequence = null;
        if (error == PrinterError.MECHANICAL) {
          error = null;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Empties the reject box (the cards stay REJECT_BOX in the ground truth). */
  public void emptyRejectBox() {
    lock.lock();
    try {
      rejectCount = 0;
      rejectReportsFull = false;
      if (error == PrinterError.REJECT_BOX_FULL) {
        error = null;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Empties the output hopper (the cards stay HOPPER in the ground truth). */
  public void emptyHopper() {
    lock.lock();
    try {
      hopperCount = 0;
      hopperReportsFull = false;
      if (error == PrinterError.HOPPER_FULL) {
        error = null;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Puts in a fresh ribbon with {@code prints} prints. */
  public void replaceRibbon(int prints) {
    lock.lock();
    try {
      ribbonLeft = prints;
      if (error == PrinterError.RIBBON) {
        error = null;
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * What a power cut leaves in the printer: the blanks in the feeder, the counters, the boxes, the
   * ribbon and where the card inside lies. A host that keeps its simulated printers between runs
   * saves this and {@linkplain #restore restores} it into a printer built from the same config.
   *
   * @param inside where the card inside lies, null when none
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
      Place inside) {}

  /** The printer's physical state, taken between two commands. */
  public PhysicalState physicalState() {
    lock.lock();
    try {
      PhysicalCard c = inside;
      return new PhysicalState(
          feeder.size(),
          ribbonLeft,
          rejectCount,
          hopperCount,
          picked,
          panels,
          printedCards,
          rejected,
          coverOpen,
          c == null ? null : c.place());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Puts the printer back in a saved physical state, as after switching it on again: the feeder
   * holds that many fresh blanks, a card inside is a fresh blank at its place, and no print
   * sequence is open.
   */
  public void restore(PhysicalState state) {
    lock.lock();
    try {
      feeder.clear();
      inside = null;
      sequence = null;
      error = null;
      loadBlanks(state.feeder());
      ribbonLeft = state.ribbonLeft();
      rejectCount = state.rejectBox();
      hopperCount = state.hopper();
      picked = state.picked();
      panels = state.panels();
      printedCards = state.printedCards();
      rejected = state.rejected();
      coverOpen = state.coverOpen();
      if (state.inside() != null) {
        int number = ++loaded;
        PhysicalCard card =
            new PhysicalCard(config.name(), number, newChip(number), timeline.now());
        truth.register(card);
        card.moveTo(state.inside(), timeline.now());
        inside = card;
      }
    } finally {
      lock.unlock();
    }
  }

  /** A consistent copy of the printer's state, for tests and consoles. */
  public Status status() {
    lock.lock();
    try {
      updateHead();
      PhysicalCard c = inside;
      return new Status(
          c == null ? null : c.place(),
          c == null ? 0 : c.number(),
          error == null ? "NONE" : error.word(),
          cooling,
          feeder.size(),
          ribbonLeft,
          rejectCount,
          hopperCount,
          coverOpen,
          headTemp,
          picked,
          panels,
          printedCards,
          rejected,
          sequence != null);
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

  private static final class Sequence {
    String side = "front";
    final List<PrintedPanel> panels = new ArrayList<>();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SimulatedPrinter[%s]", config.name());
  }
}
