package org.cetak.printing;

import java.util.Optional;

/**
 * One attempt to print one request's card on one printer.
 *
 * @param resumeStage for an {@link Stage#UNKNOWN} job, the step whose outcome is unknown
 * @param baseline the printer's counters taken before the current step's command; empty when an
 *     operator's settlement made the last one useless, so the next step takes a fresh one
 * @param version optimistic lock: each persisted change increments it
 */
public record PrintJob(
    long id,
    long printerId,
    long officeId,
    long requestId,
    Stage stage,
    Optional<Stage> resumeStage,
    CardHeld card,
    Optional<Baseline> baseline,
    Optional<String> chipUid,
    Optional<SpoilCause> rejectCause,
    String note,
    long version) {

  /** The job as stored once this version is persisted: the next version. */
  public PrintJob persisted() {
    return new PrintJob(
        id,
        printerId,
        officeId,
        requestId,
        stage,
        resumeStage,
        card,
        baseline,
        chipUid,
        rejectCause,
        note,
        version + 1);
  }

  PrintJob at(Stage next, Optional<Baseline> baseline, String note) {
    return new PrintJob(
        id,
        printerId,
        officeId,
        requestId,
        next,
        Optional.empty(),
        card,
        baseline,
        chipUid,
        rejectCause,
        note,
        version);
  }

  PrintJob holding(CardHeld held) {
    return new PrintJob(
        id,
        printerId,
        officeId,
        requestId,
        stage,
        resumeStage,
        held,
        baseline,
        chipUid,
        rejectCause,
        note,
        version);
  }

  PrintJob withUid(String uid) {
    return new PrintJob(
        id,
        printerId,
        officeId,
        requestId,
        stage,
        resumeStage,
        card,
        baseline,
        Optional.of(uid),
        rejectCause,
        note,
        version);
  }

  PrintJob rejecting(SpoilCause cause, Optional<Baseline> baseline, String note) {
    return new PrintJob(
        id,
        printerId,
        officeId,
        requestId,
        Stage.REJECTING,
        Optional.empty(),
        card,
        baseline,
        chipUid,
        Optional.of(cause),
        note,
        version);
  }

  PrintJob unknown(CardHeld held, String note) {
    return new PrintJob(
        id,
        printerId,
        officeId,
        requestId,
        Stage.UNKNOWN,
        Optional.of(stage),
        held,
        baseline,
        chipUid,
        rejectCause,
        note,
        version);
  }
}
