package org.cetak.stock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A loss report (berita acara kehilangan): blanks that cannot be found, where they were last known,
 * and the circumstances. The blanks move to {@link Location#LOST} only once a second person
 * approves; blanks found again move back with a movement that names the report.
 *
 * @param from where the blanks were last known to be (vault, a feeder, inside a printer, or outcome
 *     unknown at a printer)
 * @param printJobId the print job whose card went missing, when one did
 * @param found how many of the lost blanks were found again since
 * @param proposer who proposed it, as they were when they did: the report prints them so
 * @param approver the second person who approved it, as they were then; empty until approved
 */
public record LossReport(
    long id,
    long officeId,
    String number,
    LocalDate date,
    Place from,
    int quantity,
    String circumstances,
    Optional<String> chipUid,
    Optional<String> serial,
    Optional<Long> printJobId,
    Status status,
    Optional<Long> approvalId,
    String proposedBy,
    Instant proposedAt,
    int found,
    Signatory proposer,
    Optional<Signatory> approver) {

  /** Where a loss report stands. */
  public enum Status {
    /** Proposed; nothing moved yet. */
    PROPOSED,
    /** Approved: the blanks are in {@link Location#LOST}. */
    LOST,
    /** Rejected: the blanks stay where they were. */
    REJECTED
  }

  /** Lost blanks of this report not found again. */
  public int stillLost() {
    return status == Status.LOST ? quantity - found : 0;
  }
}
