package org.cetak.printing;

import java.util.Optional;

/**
 * The persisted print jobs and printer modes. Every method is one transaction, and a transition's
 * blank movements, request change and outbox rows commit with it or not at all.
 */
public interface PrintJobs {

  /** The job of this printer that is not finished, if any (there is at most one). */
  Optional<PrintJob> openJob(long printerId);

  /**
   * Claims the request for this printer and persists a new job at {@link Stage#PICKING} with the
   * baseline taken before the pick — when the printer is still {@link PrinterMode#RUNNING} (an
   * operator may have paused it from any node) and the request can still be printed.
   */
  Start start(PrinterRef printer, long requestId, Baseline baseline, boolean reprint);

  /** What came of {@link #start}. */
  sealed interface Start permits Started, NotPrintable, Halted {}

  /** The job is persisted: pick the blank. */
  record Started(PrintJob job) implements Start {}

  /** The request was withdrawn, printed or taken by another printer meanwhile: take another. */
  record NotPrintable() implements Start {}

  /** The printer is not running (paused, cooling, quarantined): nothing was started. */
  record Halted(PrinterState state) implements Start {}

  /**
   * Persists a transition; refused with {@link StaleJobException} when the job changed meanwhile or
   * this node no longer owns the printer.
   */
  PrintJob apply(Transition transition);

  /**
   * Persists an operator's settlement: like {@link #apply} but from any node, since the operator at
   * the printer may use any console; still refused when the job changed meanwhile.
   */
  PrintJob settle(Transition transition);

  PrinterState state(long printerId);

  void setState(long printerId, PrinterMode mode, String reason);
}
