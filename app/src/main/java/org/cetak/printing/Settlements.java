package org.cetak.printing;

import java.util.List;
import java.util.Optional;
import org.cetak.common.DomainException;
import org.cetak.common.Transactions;
import org.cetak.office.Audit;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.printing.BlankMove.BackFromUnknown;
import org.cetak.printing.BlankMove.UnknownPrinted;
import org.cetak.printing.BlankMove.UnknownSpoiled;
import org.cetak.stock.LossReports;
import org.cetak.stock.Losses;
import org.cetak.stock.Place;

/**
 * An operator settles a card whose outcome the station could not tell, from what they see at the
 * printer. The ledger moves the card out of <em>outcome unknown</em> accordingly, in the same
 * transaction; the printer stays paused until someone resumes it. A card that is nowhere to be
 * found is not spoiled (there is nothing to destroy): its job ends {@link Stage#LOST}, its request
 * is requeued, and a loss report (berita acara kehilangan) is proposed in the same transaction; the
 * blank stays in outcome unknown until a second person approves the report and it moves to lost.
 */
public final class Settlements {

  private final PrintJobs jobs;
  private final StepRecorder steps;
  private final Losses losses;
  private final Transactions transactions;
  private final Audit audit;

  public Settlements(
      PrintJobs jobs, StepRecorder steps, Losses losses, Transactions transactions, Audit audit) {
    this.jobs = jobs;
    this.steps = steps;
    this.losses = losses;
    this.transactions = transactions;
    this.audit = audit;
  }

  public PrintJob settle(long printerId, long jobId, Sighting sighting, User operator) {
    if (!operator.has(Role.OPERATOR) && !operator.has(Role.SUPERVISOR)) {
      throw new DomainException(
          PrintingError.NOT_AN_OPERATOR,
          "Only a print-room operator or a supervisor settles a card");
    }
    PrintJob job =
        jobs.openJob(printerId)
            .filter(j -> j.id() == jobId)
            .orElseThrow(
                () ->
                    new DomainException(
                        PrintingError.NO_SUCH_OPEN_JOB,
                        "Printer " + printerId + " has no open print job " + jobId,
                        jobId));
    if (job.stage() != Stage.UNKNOWN) {
      throw new DomainException(
          PrintingError.NOT_UNKNOWN,
          "Print job " + jobId + " is at " + job.stage() + "; only an unknown outcome is settled",
          jobId);
    }
    Stage step = job.resumeStage().orElseThrow();
    boolean fromFeeder = job.card() == CardHeld.UNKNOWN_FROM_FEEDER;
    SpoilCause cause =
        job.rejectCause()
            .orElse(step == Stage.ENCODING ? SpoilCause.ENCODE_FAIL : SpoilCause.PRINT_FAIL);
    String who = "settled by " + operator.username() + ": " + sighting;
    Transition transition;
    switch (sighting) {
      case IN_OUTPUT_HOPPER -> {
        if (step == Stage.PRINTING && job.chipUid().isPresent()) {
          transition =
              new Transition(
                  job.holding(CardHeld.NONE).at(Stage.PRINTED, Optional.empty(), who),
                  List.of(new UnknownPrinted(job.chipUid(), who)),
                  RequestChange.PRINTED,
                  who);
        } else {
          // a card that reached the hopper before it was printed is a spoiled blank
          transition = spoiled(job, cause, who + " (not printed)");
        }
      }
      case IN_REJECT_BOX -> transition = spoiled(job, cause, who);
      case NOWHERE ->
          transition =
              new Transition(
                  job.holding(CardHeld.NONE).at(Stage.LOST, Optional.empty(), who),
                  List.of(),
                  RequestChange.REQUEUED,
                  who + "; loss report proposed");
      case STILL_INSIDE ->
          transition =
              new Transition(
                  job.holding(CardHeld.INSIDE).rejecting(cause, Optional.empty(), who),
                  List.of(new BackFromUnknown(false)),
                  RequestChange.PRINTING,
                  who + "; the station will reject it");
      case STILL_IN_FEEDER -> {
        if (!fromFeeder) {
          throw new DomainException(
              PrintingError.CARD_WAS_PICKED,
              "Print job " + jobId + " had its card inside the printer; it cannot be in the feeder",
              jobId);
        }
        transition =
            new Transition(
                job.holding(CardHeld.NONE).at(Stage.NOT_PICKED, Optional.empty(), who),
                List.of(new BackFromUnknown(true)),
                RequestChange.REQUEUED,
                who);
      }
      default -> throw new IllegalStateException("unhandled sighting " + sighting);
    }
    PrintJob settled;
    try {
      settled =
          transactions.inTransaction(
              () -> {
                PrintJob done = steps.settle(transition);
                if (sighting == Sighting.NOWHERE) {
                  reportLost(job, operator);
                }
                return done;
              });
    } catch (StaleJobException e) {
      throw new DomainException(
          PrintingError.JOB_CHANGED,
          "Print job "
              + jobId
              + " changed while you looked (the printer may have settled it): look again",
          jobId);
    }
    jobs.setState(printerId, PrinterMode.PAUSED, who + "; resume when the printer is ready");
    audit.record(
        job.officeId(),
        operator.username(),
        "SETTLE_UNKNOWN",
        "print job " + jobId,
        sighting.name());
    return settled;
  }

  private void reportLost(PrintJob job, User operator) {
    losses.propose(
        job.officeId(),
        new LossReports.Proposal(
            null,
            Place.unknown(job.printerId()),
            1,
            "Kartu pekerjaan cetak "
                + job.id()
                + " (permohonan "
                + job.requestId()
                + ") tidak ditemukan di printer saat ditetapkan oleh "
                + operator.username(),
            job.chipUid(),
            Optional.empty(),
            Optional.of(job.id())),
        operator);
  }

  private static Transition spoiled(PrintJob job, SpoilCause cause, String note) {
    return new Transition(
        job.holding(CardHeld.NONE).at(Stage.SPOILED, Optional.empty(), note),
        List.of(new UnknownSpoiled(cause, job.chipUid(), note)),
        RequestChange.REQUEUED,
        note);
  }
}
