package org.cetak.printing;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The print jobs and the printers' modes, as persisted. This port holds the job's own state only:
 * the blanks, the request and the outboxes a step moves are recorded beside it by {@link
 * StepRecorder}, in the caller's transaction. Every method joins the caller's transaction when
 * there is one.
 */
public interface PrintJobs {

  /** The job of this printer that is not finished, if any (there is at most one). */
  Optional<PrintJob> openJob(long printerId);

  /**
   * Locks the printer against other steps and settlements until the transaction ends, and returns
   * its mode. Refused with {@link StaleJobException} when another node owns the printer now.
   */
  PrinterState lockOwned(PrinterRef printer);

  /** The node of a printer's latest lease, and whether that lease still runs. */
  record Driver(Optional<String> node, boolean live) {}

  /**
   * Locks the printer against steps, settlements and claims until the transaction ends, and says
   * which node drives it: an operator settles a card the station is not driving any more (its node
   * stopped, or died and its lease ran out) from any node.
   */
  Driver lockDriver(long printerId);

  /**
   * Persists a new job at {@link Stage#PICKING} with the baseline taken before the pick. A job that
   * is not an approved reprint, of a request whose printed card was rejected at the print room's
   * check, is an ordinary print that replaces that card; one after an approved reprint whose card
   * was spoiled is that reprint printed again.
   */
  PrintJob create(PrinterRef printer, long requestId, Baseline baseline, boolean reprint);

  /**
   * The job, other than {@code jobId}, whose card carries the chip UID {@code uid}: a card printed,
   * or written and being printed (its print's outcome unknown included). Empty when none does.
   */
  Optional<Long> cardWithChip(String uid, long jobId);

  /**
   * Persists the transition's job as its next version. Refused with {@link StaleJobException},
   * nothing written, when the job changed since {@code transition.next().version()} or, when {@code
   * byOwner}, this node no longer owns the printer (an operator's settlement may come from any
   * node); refused with {@link ChipUidTakenException}, nothing written, when the job would hold a
   * chip UID another card holds ({@link #cardWithChip}).
   */
  PrintJob save(Transition transition, boolean byOwner);

  /**
   * Persists, as {@link #save} by the printer's owner, the step recording the chip written on the
   * job's card, unless another card holds its UID ({@link #cardWithChip}): then nothing is written
   * and the answer is that card's job; empty when the step was saved.
   */
  default Optional<Long> saveChip(Transition written) {
    PrintJob next = written.next();
    Optional<Long> holder = cardWithChip(next.chipUid().orElse(""), next.id());
    if (holder.isEmpty()) {
      save(written, true);
    }
    return holder;
  }

  /** The printer's mode, as {@link PrinterRegister#state} reads it. */
  PrinterState state(long printerId);

  /**
   * Sets the printer's mode; persisted, a printer's row is written by {@link PrinterRegister}
   * alone.
   */
  void setState(long printerId, PrinterMode mode, String reason);

  /** Halts the printer for a cause, as {@link PrinterRegister#halt} does. */
  void halt(long printerId, PrinterMode mode, HaltCause cause, String detail);

  /**
   * What the printer's pick counter reads when none of its jobs is open, as its jobs recorded it:
   * the counter read before the latest job's pick, moved by every blank a job's step took out of
   * (or put back into) the feeder since. Empty before the printer's first job.
   */
  OptionalLong expectedPicked(long printerId);
}
