package org.cetak.printing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cetak.printing.BlankMove.BackFromUnknown;
import org.cetak.printing.BlankMove.Picked;
import org.cetak.printing.BlankMove.Printed;
import org.cetak.printing.BlankMove.Spoiled;
import org.cetak.printing.BlankMove.ToUnknown;
import org.cetak.printing.Observation.Conclusive;
import org.cetak.printing.Observation.Inconclusive;
import org.cetak.printing.device.CardPosition;
import org.cetak.printing.device.CardPrinter;
import org.cetak.printing.device.ChipOutcome;
import org.cetak.printing.device.ChipStation;
import org.cetak.printing.device.PrinterCondition;
import org.cetak.printing.device.PrinterSnapshot;
import org.cetak.printing.device.StatusReading;
import org.cetak.printing.device.StepOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one printer: exactly one card in flight, each step persisted with a baseline of the
 * printer's counters before its command is sent, every outcome decided from what the printer's
 * counters show physically happened — never from a missing reply. Used by one worker thread.
 *
 * <p>A command is sent again only when a status read proves the previous one did nothing. When the
 * evidence cannot tell, the job's card goes to <em>outcome unknown</em> and the printer is
 * quarantined until the evidence returns (the printer answers again) or an operator settles it.
 */
public final class PrintStation {

  private static final Logger log = LoggerFactory.getLogger(PrintStation.class);
  private static final int MAX_SILENT_RETRIES = 3;

  /** What the worker should do after a tick. */
  public enum Tick {
    /** Work was done; tick again at once. */
    BUSY,
    /** Nothing to print now. */
    IDLE,
    /** Paused, cooling or quarantined: wait for the state to change. */
    HALTED
  }

  private final PrinterRef printer;
  private final CardPrinter device;
  private final ChipStation chip;
  private final PrintJobs jobs;
  private final CardSupply supply;
  private final Optional<DutyCycle> dutyCycle;

  private volatile PrinterSnapshot lastStatus;
  private PreparedCard current;
  private long takenUp;

  /**
   * True right after this station finished a card: then it knows no job of its printer is open
   * (only the printer's owner starts jobs) and the next tick starts the next card without reading
   * the job and the mode; the start itself refuses when an operator has paused the printer.
   */
  private boolean nothingOpen;

  private int silentRetries;

  /** A condition met while printing that pauses the printer once the spoiled card is rejected. */
  private PrinterCondition pauseAfterReject;

  public PrintStation(
      PrinterRef printer,
      CardPrinter device,
      ChipStation chip,
      PrintJobs jobs,
      CardSupply supply,
      Optional<DutyCycle> dutyCycle) {
    this.dutyCycle = dutyCycle;
    this.printer = printer;
    this.device = device;
    this.chip = chip;
    this.jobs = jobs;
    this.supply = supply;
  }

  public PrinterRef printer() {
    return printer;
  }

  /** The chip reader's state now, for the console. */
  public java.util.Optional<org.cetak.printing.device.ReaderStatus> readerStatus() {
    return chip.readerStatus();
  }

  /** The printer's status as last read, for the console; empty before the first read. */
  public java.util.Optional<PrinterSnapshot> lastStatus() {
    return java.util.Optional.ofNullable(lastStatus);
  }

  private StatusReading readStatus() {
    StatusReading reading = device.status();
    if (reading instanceof StatusReading.Read read) {
      lastStatus = read.snapshot();
    }
    return reading;
  }

  /** One unit of work: settles or advances the open job, or starts the next card. */
  public Tick tick() {
    boolean known = nothingOpen;
    nothingOpen = false; // until this tick finishes a card again
    if (!known) {
      Optional<PrintJob> open = jobs.openJob(printer.id());
      if (open.isPresent()) {
        return advance(open.get());
      }
      PrinterState state = jobs.state(printer.id());
      switch (state.mode()) {
        case RUNNING -> {}
        case COOLING -> {
          if (!cooled()) {
            return Tick.HALTED;
          }
        }
        case PAUSED, QUARANTINED -> {
          return Tick.HALTED;
        }
      }
    }
    return startNext();
  }

  private boolean cooled() {
    if (readStatus() instanceof StatusReading.Read read
        && !read.snapshot().cooling()
        && read.snapshot().condition() != PrinterCondition.HEAD_TEMP) {
      jobs.setState(printer.id(), PrinterMode.RUNNING, "cooled");
      return true;
    }
    return false;
  }

  private Tick startNext() {
    StatusReading reading = readStatus();
    if (reading instanceof StatusReading.Unreachable u) {
      halt(PrinterMode.QUARANTINED, "printer does not answer: " + u.why());
      return Tick.HALTED;
    }
    PrinterSnapshot before = clearedError(((StatusReading.Read) reading).snapshot());
    if (before.position().cardInside()) {
      halt(
          PrinterMode.PAUSED,
          "a card no job knows of is inside ("
              + before.position()
              + "): take it out and record it, then resume");
      return Tick.HALTED;
    }
    PrinterCondition blocker = before.blocker();
    if (blocker != PrinterCondition.NONE) {
      pauseFor(blocker);
      return Tick.HALTED;
    }
    if (dutyCycle.isPresent() && !dutyCycle.get().restNeeded().isZero()) {
      halt(
          PrinterMode.COOLING,
          "duty cycle of "
              + dutyCycle.get()
              + " reached: resting "
              + dutyCycle.get().restNeeded().toSeconds()
              + " s");
      return Tick.HALTED;
    }
    Optional<PreparedCard> next = supply.next(printer);
    if (next.isEmpty()) {
      return Tick.IDLE;
    }
    PrintJobs.Start start =
        jobs.start(printer, next.get().requestId(), Baseline.of(before), next.get().reprint());
    if (start instanceof PrintJobs.Halted halted) {
      supply.release(printer);
      log.info("Printer {} {}: {}", printer.code(), halted.state().mode(), halted.state().reason());
      return Tick.HALTED;
    }
    if (!(start instanceof PrintJobs.Started started)) {
      nothingOpen = true;
      return Tick.BUSY; // the request went away (withdrawn, taken): prepare another
    }
    current = next.get();
    silentRetries = 0;
    dutyCycle.ifPresent(DutyCycle::cardStarted);
    return pick(started.job(), true);
  }

  /** Continues a job found open: after a restart, a pause, or an unknown outcome. */
  private Tick advance(PrintJob job) {
    if (takenUp != job.id() && (current == null || current.requestId() != job.requestId())) {
      takenUp = job.id();
      log.info(
          "Printer {}: taking up job {} at {} (after a restart, a pause or an unknown outcome)",
          printer.code(),
          job.id(),
          job.stage());
    }
    return switch (job.stage()) {
      case PICKING -> pick(job, false);
      case ENCODING -> encode(job);
      case PRINTING -> print(job, false);
      case REJECTING -> reject(job, false);
      case UNKNOWN -> settleFromEvidence(job);
      case PRINTED, SPOILED, NOT_PICKED -> Tick.BUSY;
    };
  }

  // --- steps -------------------------------------------------------------------------------

  private Tick pick(PrintJob job, boolean baselineFresh) {
    Optional<PrintJob> ready = readyToSend(job, baselineFresh);
    if (ready.isEmpty()) {
      return Tick.HALTED;
    }
    job = ready.get();
    if (job.stage() != Stage.PICKING) {
      return Tick.BUSY;
    }
    StepOutcome outcome = device.parkAtChipStation();
    return afterCommand(job, outcome);
  }

  private Tick encode(PrintJob job) {
    StatusReading reading = readStatus();
    if (reading instanceof StatusReading.Unreachable u) {
      return toUnknown(job, "printer does not answer before encoding: " + u.why());
    }
    PrinterSnapshot now = ((StatusReading.Read) reading).snapshot();
    if (now.position() != CardPosition.CONTACTLESS) {
      return toUnknown(job, "card expected at the chip station, printer reports " + now.position());
    }
    ChipOutcome result = chip.personalise(card(job).chip());
    if (result instanceof ChipOutcome.Written w) {
      PrintJob next =
          job.withUid(w.uid()).at(Stage.PRINTING, Optional.of(Baseline.of(now)), "chip written");
      return print(jobs.apply(Transition.of(next, "chip written and locked")), true);
    }
    ChipOutcome.Failed f = (ChipOutcome.Failed) result;
    if (!f.failure().cardAtFault()) {
      halt(PrinterMode.PAUSED, "chip encoder unavailable (" + f.failure() + "): " + f.detail());
      return Tick.HALTED;
    }
    PrintJob withUid = f.uid().map(job::withUid).orElse(job);
    PrintJob next =
        withUid.rejecting(
            SpoilCause.ENCODE_FAIL,
            Optional.of(Baseline.of(now)),
            "chip " + f.failure() + ": " + f.detail());
    log.info(
        "Printer {} job {}: chip failed ({}), rejecting the card",
        printer.code(),
        job.id(),
        f.failure());
    return reject(jobs.apply(Transition.of(next, "chip failed: " + f.failure())), true);
  }

  private Tick print(PrintJob job, boolean baselineFresh) {
    Optional<PrintJob> ready = readyToSend(job, baselineFresh);
    if (ready.isEmpty()) {
      return Tick.HALTED;
    }
    job = ready.get();
    if (job.stage() != Stage.PRINTING) {
      return Tick.BUSY;
    }
    StepOutcome outcome = device.printAndEject(card(job).panels());
    return afterCommand(job, outcome);
  }

  private Tick reject(PrintJob job, boolean baselineFresh) {
    Optional<PrintJob> ready = readyToSend(job, baselineFresh);
    if (ready.isEmpty()) {
      return Tick.HALTED;
    }
    job = ready.get();
    if (job.stage() != Stage.REJECTING) {
      return Tick.BUSY;
    }
    StepOutcome outcome = device.reject();
    return afterCommand(job, outcome);
  }

  /**
   * Before a command: makes sure the job's baseline is current and that nothing has happened since
   * it was taken (after a restart a command may already have run). Empty when the station must
   * halt; otherwise the job, possibly moved on by what the evidence showed.
   */
  private Optional<PrintJob> readyToSend(PrintJob job, boolean baselineFresh) {
    if (baselineFresh) {
      return Optional.of(job);
    }
    StatusReading reading = readStatus();
    if (reading instanceof StatusReading.Unreachable u) {
      toUnknown(job, "printer does not answer: " + u.why());
      return Optional.empty();
    }
    PrinterSnapshot now = ((StatusReading.Read) reading).snapshot();
    if (job.baseline().isEmpty()) {
      PrintJob next = job.at(job.stage(), Optional.of(Baseline.of(now)), job.note());
      return blockedOr(jobs.apply(Transition.of(next, "baseline taken")), now);
    }
    Observation seen = Observation.between(job.baseline().get(), now);
    if (seen instanceof Inconclusive i) {
      toUnknown(job, i.why());
      return Optional.empty();
    }
    Conclusive c = (Conclusive) seen;
    if (c.nothingMoved() && c.position() == job.baseline().get().position()) {
      return blockedOr(job, now);
    }
    Tick tick = decide(job, c, new StepOutcome.NoAnswer("found done after a restart"), now);
    return tick == Tick.HALTED ? Optional.empty() : jobs.openJob(printer.id());
  }

  /**
   * A printer keeps its last error until told to clear it; once the station may go on (an operator
   * resumed it), clearing moves no card, so it is always safe. Returns the status afterwards.
   */
  private PrinterSnapshot clearedError(PrinterSnapshot snapshot) {
    if (snapshot.condition() == PrinterCondition.NONE
        || snapshot.condition() == PrinterCondition.NO_CARD) {
      return snapshot;
    }
    device.clearError();
    return readStatus() instanceof StatusReading.Read read ? read.snapshot() : snapshot;
  }

  /** Halts when the printer cannot take the next command now; the job stays where it is. */
  private Optional<PrintJob> blockedOr(PrintJob job, PrinterSnapshot now) {
    now = clearedError(now);
    if (now.position() == CardPosition.JAMMED) {
      pauseFor(PrinterCondition.MECHANICAL);
      return Optional.empty();
    }
    PrinterCondition blocker =
        switch (job.stage()) {
          case PICKING -> now.blocker();
          case PRINTING ->
              now.coverOpen()
                  ? PrinterCondition.COVER_OPEN
                  : now.cooling()
                      ? PrinterCondition.HEAD_TEMP
                      : now.ribbon() <= 0
                          ? PrinterCondition.RIBBON
                          : now.hopperCount() >= now.hopperCapacity()
                              ? PrinterCondition.HOPPER_FULL
                              : PrinterCondition.NONE;
          case REJECTING ->
              now.coverOpen()
                  ? PrinterCondition.COVER_OPEN
                  : now.rejectCount() >= now.rejectCapacity()
                      ? PrinterCondition.REJECT_BOX_FULL
                      : PrinterCondition.NONE;
          default -> PrinterCondition.NONE;
        };
    if (blocker == PrinterCondition.NONE) {
      return Optional.of(job);
    }
    if (job.stage() == Stage.PICKING) {
      finishNotPicked(job, List.of(), blocker.advice());
    }
    pauseFor(blocker);
    return Optional.empty();
  }

  /** After a command: reads the status and decides from what physically happened. */
  private Tick afterCommand(PrintJob job, StepOutcome outcome) {
    StatusReading reading = readStatus();
    if (reading instanceof StatusReading.Unreachable u) {
      return toUnknown(job, describe(outcome) + "; then no status: " + u.why());
    }
    PrinterSnapshot after = ((StatusReading.Read) reading).snapshot();
    Observation seen = Observation.between(job.baseline().orElseThrow(), after);
    if (seen instanceof Inconclusive i) {
      return toUnknown(job, describe(outcome) + "; " + i.why());
    }
    return decide(job, (Conclusive) seen, outcome, after);
  }

  /** The heart of the station: what the observed movements mean for the job at its stage. */
  private Tick decide(PrintJob job, Conclusive seen, StepOutcome outcome, PrinterSnapshot now) {
    Optional<Baseline> fresh = Optional.of(Baseline.of(now));
    return switch (job.stage()) {
      case PICKING -> decidePick(job, seen, outcome, fresh, now);
      case PRINTING -> decidePrint(job, seen, outcome, fresh, now);
      case REJECTING -> decideReject(job, seen, outcome, fresh, now);
      case ENCODING, UNKNOWN, PRINTED, SPOILED, NOT_PICKED ->
          toUnknown(job, "cards moved while the job was at " + job.stage());
    };
  }

  private Tick decidePick(
      PrintJob job,
      Conclusive seen,
      StepOutcome outcome,
      Optional<Baseline> fresh,
      PrinterSnapshot now) {
    if (seen.ejected() > 0) {
      return toUnknown(job, "a card reached the output hopper during a pick");
    }
    List<BlankMove> moves = new ArrayList<>();
    if (seen.picked() > 0) {
      moves.add(new Picked(seen.picked()));
    }
    int extras = seen.rejected();
    if (!seen.cardInside()) {
      if (extras > 0) {
        moves.add(
            new Spoiled(
                extras,
                SpoilCause.PRINT_FAIL,
                Optional.empty(),
                false,
                "fed and rejected unprinted"));
      }
      if (seen.picked() == 0 && outcome instanceof StepOutcome.NoAnswer n) {
        return retrySilent(job, n.why(), () -> pick(job, true));
      }
      PrinterCondition why =
          outcome instanceof StepOutcome.Refused r ? r.condition() : PrinterCondition.PICK_FAILED;
      finishNotPicked(job, moves, why.advice());
      pauseFor(why);
      return Tick.HALTED;
    }
    if (extras > 0) {
      moves.add(new Spoiled(extras, SpoilCause.PRINT_FAIL, Optional.empty(), false, "double feed"));
    }
    PrintJob inside = job.holding(CardHeld.INSIDE);
    if (seen.position() == CardPosition.CONTACTLESS) {
      PrintJob next = inside.at(Stage.ENCODING, fresh, "parked at the chip station");
      return encode(
          jobs.apply(new Transition(next, moves, RequestChange.NONE, "picked and parked")));
    }
    PrintJob next =
        inside.rejecting(SpoilCause.PRINT_FAIL, fresh, "pick ended at " + seen.position());
    jobs.apply(
        new Transition(
            next, moves, RequestChange.NONE, "picked, not parked: " + describe(outcome)));
    if (seen.position() == CardPosition.JAMMED) {
      pauseFor(PrinterCondition.MECHANICAL);
      return Tick.HALTED;
    }
    return Tick.BUSY;
  }

  private Tick decidePrint(
      PrintJob job,
      Conclusive seen,
      StepOutcome outcome,
      Optional<Baseline> fresh,
      PrinterSnapshot now) {
    if (seen.picked() > 0) {
      return toUnknown(job, "a blank was picked while a card was being printed");
    }
    if (!seen.cardInside() && seen.ejected() == 1 && seen.rejected() == 0) {
      PrintJob next = job.holding(CardHeld.NONE).at(Stage.PRINTED, fresh, "printed");
      jobs.apply(
          new Transition(
              next,
              List.of(new Printed(job.chipUid().orElse(""))),
              RequestChange.PRINTED,
              "printed and ejected"));
      current = null;
      nothingOpen = true;
      return Tick.BUSY;
    }
    if (!seen.cardInside() && seen.rejected() == 1 && seen.ejected() == 0) {
      return spoil(
          job,
          SpoilCause.PRINT_FAIL,
          fresh,
          "print failed, card in the reject box: " + describe(outcome));
    }
    if (seen.cardInside() && seen.nothingMoved()) {
      if (outcome instanceof StepOutcome.Refused r) {
        switch (r.condition()) {
          case COVER_OPEN, HOPPER_FULL, BUSY -> {
            // the printer did not start: the card is untouched and is printed after the fix
            pauseFor(r.condition());
            return Tick.HALTED;
          }
          default -> {
            // anything else may have marked the card (a head too hot can melt it): reject it
          }
        }
      }
      if (outcome instanceof StepOutcome.NoAnswer n
          && seen.position() == job.baseline().orElseThrow().position()) {
        // the card did not move at all: the print never started
        return retrySilent(job, n.why(), () -> print(job, true));
      }
      PrintJob next =
          job.rejecting(SpoilCause.PRINT_FAIL, fresh, "print failed: " + describe(outcome));
      jobs.apply(Transition.of(next, "print failed, rejecting: " + describe(outcome)));
      if (seen.position() == CardPosition.JAMMED) {
        pauseFor(PrinterCondition.MECHANICAL);
        return Tick.HALTED;
      }
      if (outcome instanceof StepOutcome.Refused r && r.condition().pauses()) {
        pauseAfterReject = r.condition();
      }
      return Tick.BUSY;
    }
    return toUnknown(job, "print step moved cards unexpectedly: " + seen);
  }

  private Tick decideReject(
      PrintJob job,
      Conclusive seen,
      StepOutcome outcome,
      Optional<Baseline> fresh,
      PrinterSnapshot now) {
    if (seen.picked() > 0 || seen.ejected() > 0) {
      return toUnknown(job, "reject moved cards unexpectedly: " + seen);
    }
    if (!seen.cardInside() && seen.rejected() == 1) {
      Tick tick = spoil(job, job.rejectCause().orElse(SpoilCause.PRINT_FAIL), fresh, job.note());
      if (pauseAfterReject != null) {
        PrinterCondition condition = pauseAfterReject;
        pauseAfterReject = null;
        pauseFor(condition);
        return Tick.HALTED;
      }
      return tick;
    }
    if (seen.cardInside() && seen.nothingMoved()) {
      if (outcome instanceof StepOutcome.Refused r && r.condition().pauses()) {
        pauseFor(r.condition());
        return Tick.HALTED;
      }
      if (seen.position() == CardPosition.JAMMED) {
        pauseFor(PrinterCondition.MECHANICAL);
        return Tick.HALTED;
      }
      return retrySilent(job, describe(outcome), () -> reject(job, true));
    }
    return toUnknown(job, "reject step moved cards unexpectedly: " + seen);
  }

  private Tick spoil(PrintJob job, SpoilCause cause, Optional<Baseline> fresh, String note) {
    PrintJob next = job.holding(CardHeld.NONE).at(Stage.SPOILED, fresh, note);
    jobs.apply(
        new Transition(
            next,
            List.of(new Spoiled(1, cause, job.chipUid(), true, note)),
            RequestChange.REQUEUED,
            "spoiled (" + cause + "): " + note));
    log.info(
        "Printer {} job {}: card spoiled ({}), request requeued", printer.code(), job.id(), cause);
    current = null;
    nothingOpen = true;
    return Tick.BUSY;
  }

  private void finishNotPicked(PrintJob job, List<BlankMove> moves, String why) {
    PrintJob next = job.holding(CardHeld.NONE).at(Stage.NOT_PICKED, job.baseline(), why);
    jobs.apply(new Transition(next, moves, RequestChange.REQUEUED, "no card picked: " + why));
    current = null;
  }

  private Tick retrySilent(PrintJob job, String why, java.util.function.Supplier<Tick> again) {
    silentRetries++;
    if (silentRetries > MAX_SILENT_RETRIES) {
      silentRetries = 0;
      halt(PrinterMode.QUARANTINED, "printer keeps not answering: " + why);
      return Tick.HALTED;
    }
    log.info(
        "Printer {} job {}: no answer but nothing moved ({}), sending again",
        printer.code(),
        job.id(),
        why);
    return again.get();
  }

  // --- unknown outcomes ---------------------------------------------------------------------

  private Tick toUnknown(PrintJob job, String why) {
    if (job.stage() == Stage.UNKNOWN) {
      halt(PrinterMode.QUARANTINED, "outcome unknown: " + why);
      return Tick.HALTED;
    }
    boolean fromFeeder = job.card() == CardHeld.NONE;
    PrintJob next =
        job.unknown(fromFeeder ? CardHeld.UNKNOWN_FROM_FEEDER : CardHeld.UNKNOWN_FROM_INSIDE, why);
    jobs.apply(
        new Transition(
            next,
            List.of(new ToUnknown(fromFeeder)),
            RequestChange.OUTCOME_UNKNOWN,
            "outcome unknown: " + why));
    log.warn(
        "Printer {} job {}: outcome unknown, printer quarantined: {}",
        printer.code(),
        job.id(),
        why);
    halt(PrinterMode.QUARANTINED, "outcome of job " + job.id() + " unknown: " + why);
    return Tick.HALTED;
  }

  /** An unknown job: when the printer answers and its counters explain the cards, settle it. */
  private Tick settleFromEvidence(PrintJob job) {
    if (!(readStatus() instanceof StatusReading.Read read)) {
      return stayQuarantined(job, "the printer does not answer");
    }
    Stage step = job.resumeStage().orElseThrow();
    if (job.baseline().isEmpty()
        || !(Observation.between(job.baseline().get(), read.snapshot())
            instanceof Conclusive seen)) {
      return stayQuarantined(job, "the printer's counters cannot tell where the card went");
    }
    boolean fromFeeder = job.card() == CardHeld.UNKNOWN_FROM_FEEDER;
    PrintJob restored =
        job.holding(fromFeeder ? CardHeld.NONE : CardHeld.INSIDE)
            .at(step, job.baseline(), "evidence settles it");
    jobs.apply(
        new Transition(
            restored,
            List.of(new BackFromUnknown(fromFeeder)),
            RequestChange.PRINTING,
            "settled from the printer's counters: " + seen));
    jobs.setState(printer.id(), PrinterMode.RUNNING, "outcome settled from evidence");
    log.info(
        "Printer {} job {}: unknown outcome settled from evidence {}",
        printer.code(),
        job.id(),
        seen);
    PrintJob reopened = jobs.openJob(printer.id()).orElseThrow();
    return switch (step) {
      case ENCODING -> reject(rejectingAfterInterruptedEncode(reopened), true);
      default ->
          decide(
              reopened, seen, new StepOutcome.NoAnswer("settled from evidence"), read.snapshot());
    };
  }

  /**
   * The job's card is still unknown: the printer stays quarantined until an operator settles it,
   * even when someone resumed it meanwhile (a resume cannot tell the station where the card went).
   */
  private Tick stayQuarantined(PrintJob job, String why) {
    if (jobs.state(printer.id()).mode() != PrinterMode.QUARANTINED) {
      halt(
          PrinterMode.QUARANTINED,
          "outcome of job " + job.id() + " unknown (" + why + "): settle its card first");
    }
    return Tick.HALTED;
  }

  private PrintJob rejectingAfterInterruptedEncode(PrintJob job) {
    return jobs.apply(
        Transition.of(
            job.rejecting(SpoilCause.ENCODE_FAIL, job.baseline(), "chip write interrupted"),
            "chip write interrupted, rejecting"));
  }

  // --- helpers ------------------------------------------------------------------------------

  private PreparedCard card(PrintJob job) {
    if (current == null || current.requestId() != job.requestId()) {
      current = supply.prepare(job.requestId());
    }
    return current;
  }

  private void pauseFor(PrinterCondition condition) {
    if (condition == PrinterCondition.HEAD_TEMP) {
      halt(PrinterMode.COOLING, condition.advice());
    } else {
      halt(PrinterMode.PAUSED, condition.advice());
    }
  }

  private void halt(PrinterMode mode, String reason) {
    nothingOpen = false;
    jobs.setState(printer.id(), mode, reason);
    supply.release(printer);
    log.info("Printer {} {}: {}", printer.code(), mode, reason);
  }

  private static String describe(StepOutcome outcome) {
    if (outcome instanceof StepOutcome.Refused r) {
      return r.reply();
    }
    if (outcome instanceof StepOutcome.NoAnswer n) {
      return "no answer (" + n.why() + ")";
    }
    return "OK";
  }
}
