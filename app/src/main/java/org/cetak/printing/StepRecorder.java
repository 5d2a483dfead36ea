package org.cetak.printing;

import java.time.Clock;
import java.util.Optional;
import org.cetak.common.Transactions;
import org.cetak.intake.RequestStatus;
import org.cetak.notify.Outbox;
import org.cetak.office.Audit;
import org.cetak.quality.CheckQueue;
import org.cetak.request.RequestLifecycle;

/**
 * Records a print-room step, the one place where a job's step reaches the other domains: in one
 * transaction it saves the job ({@link PrintJobs}), moves its blanks through the stock ledger
 * ({@link PrintRoomLedger}), moves its request ({@link RequestLifecycle}) and, for a printed card,
 * writes the SMS and status outbox rows ({@link Outbox}) or, where the office checks its cards,
 * leaves the card to the print room's quality check ({@link CheckQueue}). Either all of it commits
 * or none of it.
 */
public final class StepRecorder {

  private final PrintJobs jobs;
  private final PrintRoomLedger ledger;
  private final RequestLifecycle requests;
  private final Outbox outbox;
  private final CheckQueue checks;
  private final Reprints.Store grants;
  private final Transactions transactions;
  private final Audit audit;
  private final Clock clock;

  public StepRecorder(
      PrintJobs jobs,
      PrintRoomLedger ledger,
      RequestLifecycle requests,
      Outbox outbox,
      CheckQueue checks,
      Reprints.Store grants,
      Transactions transactions,
      Audit audit,
      Clock clock) {
    this.jobs = jobs;
    this.ledger = ledger;
    this.requests = requests;
    this.outbox = outbox;
    this.checks = checks;
    this.grants = grants;
    this.transactions = transactions;
    this.audit = audit;
    this.clock = clock;
  }

  /** What came of {@link #start}. */
  public sealed interface Start permits Started, NotPrintable, Halted {}

  /** The job is persisted: pick the blank. */
  public record Started(PrintJob job) implements Start {}

  /** The request was withdrawn, printed or taken by another printer meanwhile: take another. */
  public record NotPrintable() implements Start {}

  /** The printer is not running (paused, cooling, quarantined): nothing was started. */
  public record Halted(PrinterState state) implements Start {}

  /**
   * Claims the request for this printer and persists a new job at {@link Stage#PICKING} with the
   * baseline taken before the pick — when the printer is still {@link PrinterMode#RUNNING} (an
   * operator may have paused it from any node) and the request can still be printed. A reprint uses
   * up one supervisor's grant.
   */
  public Start start(PrinterRef printer, long requestId, Baseline baseline, boolean reprint) {
    return transactions.inTransaction(
        () -> {
          PrinterState state = jobs.lockOwned(printer);
          if (state.mode() != PrinterMode.RUNNING) {
            return new Halted(state);
          }
          Optional<Long> grant = reprint ? grants.claimGrant(requestId) : Optional.empty();
          if ((reprint && grant.isEmpty())
              || !requests.startPrinting(requestId, reprint, "station:" + printer.code())) {
            return new NotPrintable();
          }
          PrintJob job = jobs.create(printer, requestId, baseline, reprint);
          grant.ifPresent(id -> grants.useGrant(id, job.id()));
          return new Started(job);
        });
  }

  /**
   * Records the chip written on the job's card, which goes on to be printed — unless its UID is
   * already recorded for another card printed or being printed ({@link PrintJobs#cardWithChip}):
   * then the chip is this card's fault, and the card goes to the reject box with its UID (to be
   * spoiled, its request requeued), audited. Nothing is printed before this is recorded, so a card
   * refused by the database's uniqueness (another station recorded the UID at the same moment) is
   * recorded as refused in a second transaction, and the ledger and the printer still agree.
   */
  public PrintJob chipWritten(PrintJob job, String uid, Baseline now) {
    try {
      return transactions.inTransaction(() -> recordChip(job, uid, now));
    } catch (ChipUidTakenException e) {
      return transactions.inTransaction(() -> recordChip(job, uid, now));
    }
  }

  private PrintJob recordChip(PrintJob job, String uid, Baseline now) {
    Transition written = StepTransitions.chipWritten(job, uid, now);
    Optional<Long> holder = jobs.saveChip(written);
    if (holder.isEmpty()) {
      carryOut(written);
      return written.next().persisted();
    }
    PrintJob saved = record(StepTransitions.chipUidTaken(job, uid, holder.get(), now), true);
    audit.record(
        job.officeId(),
        "station:" + job.printerId(),
        "CHIP_UID_REPEATED",
        "print job " + job.id(),
        "chip " + uid + " already recorded for the card of print job " + holder.get());
    return saved;
  }

  /**
   * Records the station's step; refused with {@link StaleJobException}, nothing written, when the
   * job changed meanwhile or this node no longer owns the printer.
   */
  public PrintJob apply(Transition transition) {
    return transactions.inTransaction(() -> record(transition, true));
  }

  /**
   * Quarantines the printer for a card whose fate is still unknown, when that job is still the
   * printer's open job of unknown outcome and the printer is not quarantined already; true when it
   * was quarantined. One transaction holding the printer's row: an operator's settlement of the job
   * (its save share-locks that row) has either committed before, and then nothing is done, or waits
   * for this one, and its pause comes after.
   */
  public boolean quarantineWhileUnknown(PrinterRef printer, long jobId, String detail) {
    return transactions.inTransaction(
        () -> {
          PrinterState state = jobs.lockOwned(printer);
          boolean stillUnknown =
              jobs.openJob(printer.id())
                  .filter(open -> open.id() == jobId && open.stage() == Stage.UNKNOWN)
                  .isPresent();
          if (!stillUnknown || state.mode() == PrinterMode.QUARANTINED) {
            return false;
          }
          jobs.halt(printer.id(), PrinterMode.QUARANTINED, HaltCause.CARD_STILL_UNKNOWN, detail);
          return true;
        });
  }

  /**
   * Records an operator's settlement: like {@link #apply} but from any node, since the operator at
   * the printer may use any console; still refused when the job changed meanwhile.
   */
  public PrintJob settle(Transition transition) {
    return transactions.inTransaction(() -> record(transition, false));
  }

  private PrintJob record(Transition transition, boolean byOwner) {
    PrintJob saved = jobs.save(transition, byOwner);
    carryOut(transition);
    return saved;
  }

  /** What a saved step writes beside the job: its ledger moves, its request's move, the outbox. */
  private void carryOut(Transition transition) {
    PrintJob next = transition.next();
    ledger.record(next, transition.moves());
    String actor = "station:" + next.printerId();
    switch (transition.request()) {
      case NONE, PRINTING -> {
        // a request whose card was unknown stays OUTCOME_UNKNOWN until its card's fate is known
      }
      case PRINTED -> {
        String uid = next.chipUid().orElse("");
        // the card waits for the check (no SMS yet) where its office checks cards
        boolean awaitingCheck = checks.checksCards(next.officeId());
        RequestLifecycle.Recipient resident =
            requests.markPrinted(next.requestId(), uid, clock.instant(), actor, awaitingCheck);
        Outbox.PrintedCard card =
            new Outbox.PrintedCard(
                next.officeId(),
                next.requestId(),
                next.id(),
                resident.nik(),
                resident.name(),
                resident.phone(),
                uid,
                clock.instant());
        outbox.cardPrinted(card, awaitingCheck);
        if (awaitingCheck) {
          checks.awaitCheck(card);
        }
      }
      case REQUEUED -> requests.requeue(next.requestId(), transition.event(), actor);
      case OUTCOME_UNKNOWN -> {
        // a second unknown step of the same card finds its request unknown already
        if (requests.lockStatus(next.requestId()).orElse(null) == RequestStatus.PRINTING) {
          String cause = transition.cause().orElse(HaltCause.CARD_UNKNOWN).name();
          requests.markOutcomeUnknown(next.requestId(), cause, transition.event(), actor);
        }
      }
    }
  }
}
