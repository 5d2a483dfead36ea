package org.cetak.printing;

import java.util.Optional;
import java.util.function.Supplier;
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
 * <p>A command is sent again only when a status read proves the previous one did nothing. The
 * checks before a command are {@link BeforeCommand}'s; the printer's commands and status reads go
 * through {@link StationPrinter}. When the evidence cannot tell, the job's card goes to <em>outcome
 * unknown</em> and the printer is quarantined until the evidence returns (the printer answers
 * again) or an operator settles it ({@link UnknownOutcomes}).
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
  private final StationPrinter machine;
  private final ChipStation chip;
  private final PrintJobs jobs;
  private final StepRecorder steps;
  private final CardSupply supply;
  private final Optional<DutyCycle> dutyCycle;
  private final UnknownOutcomes unknowns;
  private final BeforeCommand checks;

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
      StepRecorder steps,
      CardSupply supply,
      Optional<DutyCycle> dutyCycle) {
    this.dutyCycle = dutyCycle;
    this.steps = steps;
    this.printer = printer;
    this.machine = new StationPrinter(printer, device, jobs, supply);
    this.chip = chip;
    this.jobs = jobs;
    this.supply = supply;
    this.unknowns = new UnknownOutcomes(printer, machine, jobs, steps);
    this.checks = new BeforeCommand(machine, steps, unknowns, dutyCycle);
  }

  public PrinterRef printer() {
    return printer;
  }

  /** The chip reader's state now, for the console. */
  public java.util.Optional<org.cetak.printing.device.ReaderStatus> readerStatus() {
    return chip.readerStatus();
  }

  /** The printer's status as last read, for the console; empty before the first read. */
  public Optional<PrinterSnapshot> lastStatus() {
    return machine.lastStatus();
  }

  private StatusReading readStatus() {
    return machine.read();
  }

  /** True when the printer answers a status query (read before the station's first step). */
  public boolean deviceAnswers() {
    return readStatus() instanceof StatusReading.Read;
  }

  /** True when no card of this printer is in flight: none was started, or the last one ended. */
  public boolean betweenCards() {
    return nothingOpen || jobs.openJob(printer.id()).isEmpty();
  }

  /** One unit of work: settles or advances the open job, or starts the next card. */
  public Tick tick() {
    Tick tick = work();
    if (tick == Tick.HALTED) {
      nothingOpen = false; // an operator may resume it with anything changed
    }
    return tick;
  }

  private Tick work() {
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
          if (!machine.cooled()) {
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

  private Tick startNext() {
    Optional<PrinterSnapshot> ready = checks.readyForCard();
    if (ready.isEmpty()) {
      return Tick.HALTED;
    }
    PrinterSnapshot before = ready.get();
    Optional<PreparedCard> next = supply.next(printer);
    if (next.isEmpty()) {
      return Tick.IDLE;
    }
    StepRecorder.Start start =
        steps.start(printer, next.get().requestId(), Baseline.of(before), next.get().reprint());
    if (start instanceof StepRecorder.Halted halted) {
      supply.release(printer);
      log.info("Printer {} {}: {}", printer.code(), halted.state().mode(), halted.state().reason());
      return Tick.HALTED;
    }
    if (!(start instanceof StepRecorder.Started started)) {
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
      case PRINTED, SPOILED, NOT_PICKED, LOST -> Tick.BUSY;
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
    StepOutcome outcome = machine.parkAtChipStation();
    return afterCommand(job, outcome);
  }

  private Tick encode(PrintJob job) {
    StatusReading reading = readStatus();
    if (reading instanceof StatusReading.Unreachable u) {
      return toUnknown(
          job,
          HaltCause.CARD_UNKNOWN_NO_ANSWER,
          "printer does not answer before encoding: " + u.why());
    }
    PrinterSnapshot now = ((StatusReading.Read) reading).snapshot();
    if (now.position() != CardPosition.CONTACTLESS) {
      return toUnknown(
          job,
          HaltCause.CARD_NOT_AT_CHIP,
          "card expected at the chip station, printer reports " + now.position());
    }
    ChipOutcome result = chip.personalise(card(job).chip());
    if (result instanceof ChipOutcome.Written w) {
      PrintJob written = steps.chipWritten(job, w.uid(), Baseline.of(now));
      if (written.stage() == Stage.REJECTING) {
        log.warn(
            "Printer {} job {}: chip UID {} already recorded for another card, rejecting the card",
            printer.code(),
            job.id(),
            w.uid());
        return reject(written, true);
      }
      return print(written, true);
    }
    ChipOutcome.Failed f = (ChipOutcome.Failed) result;
    if (!f.failure().cardAtFault()) {
      machine.halt(
          PrinterMode.PAUSED, HaltCause.ENCODER_UNAVAILABLE, f.failure() + ": " + f.detail());
      return Tick.HALTED;
    }
    log.info(
        "Printer {} job {}: chip failed ({}), rejecting the card",
        printer.code(),
        job.id(),
        f.failure());
    return reject(steps.apply(StepTransitions.chipFailed(job, f, Baseline.of(now))), true);
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
    StepOutcome outcome = machine.printAndEject(card(job).faces());
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
    StepOutcome outcome = machine.reject();
    return afterCommand(job, outcome);
  }

  /**
   * Before a command: makes sure the job's baseline is current and that nothing has happened since
   * it was taken ({@link BeforeCommand}). Empty when the station must halt; otherwise the job,
   * possibly moved on by what the evidence showed.
   */
  private Optional<PrintJob> readyToSend(PrintJob job, boolean baselineFresh) {
    if (baselineFresh) {
      return Optional.of(job);
    }
    BeforeCommand.Check check = checks.beforeSend(job);
    if (check instanceof BeforeCommand.Send send) {
      return Optional.of(send.job());
    }
    if (check instanceof BeforeCommand.Halt halt) {
      if (halt.cardFinished()) {
        current = null;
      }
      return Optional.empty();
    }
    BeforeCommand.Moved moved = (BeforeCommand.Moved) check;
    Tick tick =
        decide(
            job, moved.seen(), new StepOutcome.NoAnswer("found done after a restart"), moved.now());
    return tick == Tick.HALTED ? Optional.empty() : jobs.openJob(printer.id());
  }

  /** After a command: reads the status and decides from what physically happened. */
  private Tick afterCommand(PrintJob job, StepOutcome outcome) {
    StatusReading reading = readStatus();
    if (reading instanceof StatusReading.Unreachable u) {
      return toUnknown(
          job,
          HaltCause.CARD_UNKNOWN_NO_ANSWER,
          StepRules.describe(outcome) + "; then no status: " + u.why());
    }
    PrinterSnapshot after = ((StatusReading.Read) reading).snapshot();
    Observation seen = Observation.between(job.baseline().orElseThrow(), after);
    return decide(job, seen, outcome, after);
  }

  /** Carries out what the evidence means for the job ({@link StepRules#verdict}). */
  private Tick decide(PrintJob job, Observation seen, StepOutcome outcome, PrinterSnapshot now) {
    Optional<Baseline> fresh = Optional.of(Baseline.of(now));
    Verdict verdict = StepRules.verdict(job.stage(), seen, outcome);
    return switch (verdict.kind()) {
      case UNKNOWN ->
          toUnknown(job, HaltCause.CARD_UNKNOWN_COUNTERS, ((Verdict.Unknown) verdict).why());
      case SEND_AGAIN -> sendAgain(job, ((Verdict.SendAgain) verdict).why());
      case NOT_PICKED -> {
        Verdict.NotPicked v = (Verdict.NotPicked) verdict;
        finishNotPicked(StepTransitions.notPicked(job, v));
        machine.pauseFor(v.why());
        yield Tick.HALTED;
      }
      case PARKED ->
          encode(steps.apply(StepTransitions.parked(job, (Verdict.Parked) verdict, fresh)));
      case PICKED_NOT_PARKED -> {
        Verdict.PickedNotParked v = (Verdict.PickedNotParked) verdict;
        steps.apply(StepTransitions.pickedNotParked(job, v, fresh));
        yield jammedOr(v.at(), Tick.BUSY);
      }
      case PRINTED -> {
        steps.apply(StepTransitions.printed(job, fresh));
        current = null;
        nothingOpen = true;
        yield Tick.BUSY;
      }
      case SPOILED -> spoil(job, SpoilCause.PRINT_FAIL, fresh, ((Verdict.Spoiled) verdict).note());
      case PAUSE -> {
        machine.pauseFor(((Verdict.Pause) verdict).condition());
        yield Tick.HALTED;
      }
      case REJECT -> {
        Verdict.Reject v = (Verdict.Reject) verdict;
        steps.apply(StepTransitions.rejecting(job, v, fresh));
        if (v.at() != CardPosition.JAMMED && v.pauseAfter() != PrinterCondition.NONE) {
          pauseAfterReject = v.pauseAfter();
        }
        yield jammedOr(v.at(), Tick.BUSY);
      }
      case REJECTED -> {
        Tick tick = spoil(job, job.rejectCause().orElse(SpoilCause.PRINT_FAIL), fresh, job.note());
        if (pauseAfterReject != null) {
          PrinterCondition condition = pauseAfterReject;
          pauseAfterReject = null;
          machine.pauseFor(condition);
          yield Tick.HALTED;
        }
        yield tick;
      }
    };
  }

  /** A card jammed where a step left it pauses the printer until an operator clears it. */
  private Tick jammedOr(CardPosition at, Tick otherwise) {
    if (at == CardPosition.JAMMED) {
      machine.pauseFor(PrinterCondition.MECHANICAL);
      return Tick.HALTED;
    }
    return otherwise;
  }

  /** Sends the job's step command again, after a read proved the last one did nothing. */
  private Tick sendAgain(PrintJob job, String why) {
    return switch (job.stage()) {
      case PICKING -> retrySilent(job, why, () -> pick(job, true));
      case PRINTING -> retrySilent(job, why, () -> print(job, true));
      case REJECTING -> retrySilent(job, why, () -> reject(job, true));
      case ENCODING, UNKNOWN, PRINTED, SPOILED, NOT_PICKED, LOST ->
          toUnknown(job, HaltCause.CARD_UNKNOWN, "no command of " + job.stage() + " to send again");
    };
  }

  private Tick spoil(PrintJob job, SpoilCause cause, Optional<Baseline> fresh, String note) {
    steps.apply(StepTransitions.spoiled(job, cause, fresh, note));
    log.info(
        "Printer {} job {}: card spoiled ({}), request requeued", printer.code(), job.id(), cause);
    current = null;
    nothingOpen = true;
    return Tick.BUSY;
  }

  private void finishNotPicked(Transition notPicked) {
    steps.apply(notPicked);
    current = null;
  }

  private Tick retrySilent(PrintJob job, String why, Supplier<Tick> again) {
    silentRetries++;
    if (silentRetries > MAX_SILENT_RETRIES) {
      silentRetries = 0;
      machine.halt(PrinterMode.QUARANTINED, HaltCause.KEEPS_NOT_ANSWERING, why);
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

  private Tick toUnknown(PrintJob job, HaltCause cause, String why) {
    return unknowns.toUnknown(job, cause, why);
  }

  /** An unknown job: when the printer answers and its counters explain the cards, settle it. */
  private Tick settleFromEvidence(PrintJob job) {
    Optional<UnknownOutcomes.Settled> settled = unknowns.settle(job);
    if (settled.isEmpty()) {
      return Tick.HALTED;
    }
    UnknownOutcomes.Settled s = settled.get();
    return switch (s.step()) {
      case ENCODING ->
          reject(steps.apply(StepTransitions.rejectingAfterInterruptedEncode(s.reopened())), true);
      case PICKING, PRINTING, REJECTING, UNKNOWN, PRINTED, SPOILED, NOT_PICKED, LOST ->
          decide(
              s.reopened(), s.seen(), new StepOutcome.NoAnswer("settled from evidence"), s.now());
    };
  }

  private PreparedCard card(PrintJob job) {
    if (current == null || current.requestId() != job.requestId()) {
      current = supply.prepare(job.requestId());
    }
    return current;
  }
}
