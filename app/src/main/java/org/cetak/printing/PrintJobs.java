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
   * baseline taken before the pick. Empty when the request can no longer be printed.
   */
  Optional<PrintJob> start(PrinterRef printer, long requestId, Baseline baseline, boolean reprint);

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
