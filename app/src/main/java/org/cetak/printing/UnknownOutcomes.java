package org.cetak.printing;

import java.util.Optional;
import org.cetak.printing.Observation.Conclusive;
import org.cetak.printing.device.PrinterSnapshot;
import org.cetak.printing.device.StatusReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A print station's cards whose fate the evidence cannot tell: the job's card goes to <em>outcome
 * unknown</em> and the printer is quarantined, until the printer answers again and its counters
 * explain where the card went, or an operator settles it.
 */
final class UnknownOutcomes {

  private static final Logger log = LoggerFactory.getLogger(UnknownOutcomes.class);

  /** An unknown job the evidence settled: the job reopened at its step, and what was seen. */
  record Settled(Stage step, PrintJob reopened, Conclusive seen, PrinterSnapshot now) {}

  private final PrinterRef printer;
  private final StationPrinter machine;
  private final PrintJobs jobs;
  private final StepRecorder steps;

  UnknownOutcomes(PrinterRef printer, StationPrinter machine, PrintJobs jobs, StepRecorder steps) {
    this.printer = printer;
    this.machine = machine;
    this.jobs = jobs;
    this.steps = steps;
  }

  /** Records the job's card as unknown and quarantines the printer; always halts the station. */
  PrintStation.Tick toUnknown(PrintJob job, HaltCause cause, String why) {
    if (job.stage() == Stage.UNKNOWN) {
      machine.halt(PrinterMode.QUARANTINED, cause, "job " + job.id() + ": " + why);
      return PrintStation.Tick.HALTED;
    }
    steps.apply(StepTransitions.toUnknown(job, cause, why));
    log.warn(
        "Printer {} job {}: outcome unknown, printer quarantined: {}",
        printer.code(),
        job.id(),
        why);
    machine.halt(PrinterMode.QUARANTINED, cause, "job " + job.id() + ": " + why);
    return PrintStation.Tick.HALTED;
  }

  /**
   * An unknown job: when the printer answers and its counters explain the cards, settles it, sets
   * the printer running and gives the job reopened at the step it was in; otherwise the printer
   * stays quarantined and nothing is given.
   */
  Optional<Settled> settle(PrintJob job) {
    if (!(machine.read() instanceof StatusReading.Read read)) {
      return stayQuarantined(job, "the printer does not answer");
    }
    Stage step = job.resumeStage().orElseThrow();
    if (job.baseline().isEmpty()
        || !(Observation.between(job.baseline().get(), read.snapshot())
            instanceof Conclusive seen)) {
      return stayQuarantined(job, "the printer's counters cannot tell where the card went");
    }
    steps.apply(StepTransitions.settledFromEvidence(job, seen));
    jobs.setState(printer.id(), PrinterMode.RUNNING, "outcome settled from evidence");
    log.info(
        "Printer {} job {}: unknown outcome settled from evidence {}",
        printer.code(),
        job.id(),
        seen);
    PrintJob reopened = jobs.openJob(printer.id()).orElseThrow();
    return Optional.of(new Settled(step, reopened, seen, read.snapshot()));
  }

  /**
   * The job's card is still unknown: the printer stays quarantined until an operator settles it,
   * even when someone resumed it meanwhile (a resume cannot tell the station where the card went).
   * An operator who settled the job since the station read it has paused the printer: it is not
   * quarantined again for a card whose fate is now known ({@link
   * StepRecorder#quarantineWhileUnknown}).
   */
  private Optional<Settled> stayQuarantined(PrintJob job, String why) {
    String detail = "job " + job.id() + ": " + why;
    if (steps.quarantineWhileUnknown(printer, job.id(), detail)) {
      machine.halted(PrinterMode.QUARANTINED, HaltCause.CARD_STILL_UNKNOWN, detail);
    }
    return Optional.empty();
  }
}
