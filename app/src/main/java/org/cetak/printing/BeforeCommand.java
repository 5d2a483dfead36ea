package org.cetak.printing;

import java.util.List;
import java.util.Optional;
import org.cetak.printing.Observation.Conclusive;
import org.cetak.printing.Observation.Inconclusive;
import org.cetak.printing.device.CardPosition;
import org.cetak.printing.device.PrinterCondition;
import org.cetak.printing.device.PrinterSnapshot;
import org.cetak.printing.device.StatusReading;

/**
 * The checks a print station makes before it sends the printer a command: before a new card, that
 * the printer answers, holds no card, has nothing blocking it and need not rest; before a job's
 * next command, that the job's baseline is current and nothing has happened since it was taken
 * (after a restart a command may already have run). A check that fails halts the printer.
 */
final class BeforeCommand {

  /** What a job's check found. */
  sealed interface Check permits Send, Halt, Moved {}

  /** Send the job's command: the job, its baseline possibly taken just now. */
  record Send(PrintJob job) implements Check {}

  /** The printer is halted; {@code cardFinished} when the job was closed without its card. */
  record Halt(boolean cardFinished) implements Check {}

  /** The printer's counters moved since the baseline: the command ran already. */
  record Moved(Conclusive seen, PrinterSnapshot now) implements Check {}

  private final StationPrinter machine;
  private final StepRecorder steps;
  private final UnknownOutcomes unknowns;
  private final Optional<DutyCycle> dutyCycle;

  BeforeCommand(
      StationPrinter machine,
      StepRecorder steps,
      UnknownOutcomes unknowns,
      Optional<DutyCycle> dutyCycle) {
    this.machine = machine;
    this.steps = steps;
    this.unknowns = unknowns;
    this.dutyCycle = dutyCycle;
  }

  /**
   * Before a new card: the printer's status, its error cleared, when it can take one; empty when
   * the printer was halted (quarantined when it does not answer, paused for a card inside or a
   * blocker, cooling when its duty cycle needs rest).
   */
  Optional<PrinterSnapshot> readyForCard() {
    StatusReading reading = machine.read();
    if (reading instanceof StatusReading.Unreachable u) {
      machine.halt(PrinterMode.QUARANTINED, HaltCause.NOT_ANSWERING, u.why());
      return Optional.empty();
    }
    PrinterSnapshot before = machine.clearedError(((StatusReading.Read) reading).snapshot());
    if (before.position().cardInside()) {
      machine.halt(
          PrinterMode.PAUSED, HaltCause.UNKNOWN_CARD_INSIDE, "card at " + before.position());
      return Optional.empty();
    }
    PrinterCondition blocker = before.blocker();
    if (blocker != PrinterCondition.NONE) {
      machine.pauseFor(blocker);
      return Optional.empty();
    }
    if (dutyCycle.isPresent() && !dutyCycle.get().restNeeded().isZero()) {
      machine.halt(
          PrinterMode.COOLING,
          "duty cycle of "
              + dutyCycle.get()
              + " reached: resting "
              + dutyCycle.get().restNeeded().toSeconds()
              + " s");
      return Optional.empty();
    }
    return Optional.of(before);
  }

  /** Before a job's next command, when its baseline is not fresh: reads the printer and checks. */
  Check beforeSend(PrintJob job) {
    StatusReading reading = machine.read();
    if (reading instanceof StatusReading.Unreachable u) {
      unknowns.toUnknown(
          job, HaltCause.CARD_UNKNOWN_NO_ANSWER, "printer does not answer: " + u.why());
      return new Halt(false);
    }
    PrinterSnapshot now = ((StatusReading.Read) reading).snapshot();
    if (job.baseline().isEmpty()) {
      return blockedOr(steps.apply(StepTransitions.baselineTaken(job, Baseline.of(now))), now);
    }
    Observation seen = Observation.between(job.baseline().get(), now);
    if (seen instanceof Inconclusive i) {
      unknowns.toUnknown(job, HaltCause.CARD_UNKNOWN_COUNTERS, i.why());
      return new Halt(false);
    }
    Conclusive c = (Conclusive) seen;
    if (c.stoodStill()) {
      return blockedOr(job, now);
    }
    return new Moved(c, now);
  }

  /** Halts when the printer cannot take the next command now; the job stays where it is. */
  private Check blockedOr(PrintJob job, PrinterSnapshot now) {
    now = machine.clearedError(now);
    if (now.position() == CardPosition.JAMMED) {
      machine.pauseFor(PrinterCondition.MECHANICAL);
      return new Halt(false);
    }
    PrinterCondition blocker = StepRules.blocker(job.stage(), now);
    if (blocker == PrinterCondition.NONE) {
      return new Send(job);
    }
    boolean notPicked = job.stage() == Stage.PICKING;
    if (notPicked) {
      steps.apply(StepTransitions.notPicked(job, List.of(), blocker.advice()));
    }
    machine.pauseFor(blocker);
    return new Halt(notPicked);
  }
}
