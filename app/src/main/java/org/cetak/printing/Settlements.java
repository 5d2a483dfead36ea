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
 *
 * <p>A card of a printer no node drives any more (its node was stopped or died, and its lease ran
 * out) is settled the same way from any other node: its job, left at the step it was at, goes to
 * outcome unknown and then where the operator saw the card, in one transaction, audited as {@code
 * SETTLE_ABANDONED} with the node that left it.
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
    PrintJob open =
        jobs.openJob(printerId)
            .filter(j -> j.id() == jobId)
            .orElseThrow(
                () ->
                    new DomainException(
                        PrintingError.NO_SUCH_OPEN_JOB,
                        "Printer " + printerId + " has no open print job " + jobId,
                        jobId));
    String who = "settled by " + operator.username() + ": " + sighting;
    Settled settled;
    try {
      settled =
          transactions.inTransaction(
              () -> {
                PrintJob job = open;
                Optional<String> leftBy = Optional.empty();
                if (job.stage() != Stage.UNKNOWN) {
                  String node = leftBy(job);
                  leftBy = Optional.of(node);
                  job =
                      steps.settle(
                          StepTransitions.toUnknown(
                              job,
                              HaltCause.CARD_UNKNOWN,
                              "no node drives the printer, left by node " + node));
                }
                refuseChipOfAnotherCard(job, sighting);
                PrintJob done = steps.settle(transition(job, sighting, who));
                if (sighting == Sighting.NOWHERE) {
                  reportLost(job, operator);
                }
                return new Settled(done, leftBy);
              });
    } catch (ChipUidTakenException e) {
      throw chipTaken(open, Optional.empty());
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
        open.officeId(),
        operator.username(),
        settled.leftBy().isPresent() ? "SETTLE_ABANDONED" : "SETTLE_UNKNOWN",
        "print job " + jobId,
        settled
            .leftBy()
            .map(node -> sighting.name() + " left by node " + node)
            .orElse(sighting.name()));
    return settled.job();
  }

  /**
   * A card seen in the output hopper is recorded printed with its chip's UID; when that UID is
   * already recorded for another card printed or being printed (a job written before V171 made the
   * UID one card's), the settlement is refused and nothing is written: the card goes to the reject
   * box, as the station does with a chip whose UID repeats.
   */
  private void refuseChipOfAnotherCard(PrintJob job, Sighting sighting) {
    if (sighting != Sighting.IN_OUTPUT_HOPPER
        || job.resumeStage().orElse(null) != Stage.PRINTING
        || job.chipUid().isEmpty()) {
      return;
    }
    Optional<Long> holder = jobs.cardWithChip(job.chipUid().get(), job.id());
    if (holder.isPresent()) {
      throw chipTaken(job, holder);
    }
  }

  private static DomainException chipTaken(PrintJob job, Optional<Long> holder) {
    String uid = job.chipUid().orElse("");
    return new DomainException(
        PrintingError.CHIP_UID_TAKEN,
        "Print job "
            + job.id()
            + " cannot be recorded printed: its chip "
            + uid
            + " is recorded for "
            + holder.map(h -> "the card of print job " + h).orElse("another card")
            + "; settle it as in the reject box",
        job.id(),
        uid,
        holder.map(String::valueOf).orElse("-"));
  }

  private record Settled(PrintJob job, Optional<String> leftBy) {}

  /**
   * The node that left a job at a step no station drives any more — it stopped, or died and its
   * lease ran out — with the printer locked against that node's return until the settlement
   * commits; such a job's outcome nobody can tell but the operator at the printer, so it goes to
   * outcome unknown first. A job whose printer a node still drives is its station's to finish.
   */
  private String leftBy(PrintJob job) {
    PrintJobs.Driver driver = jobs.lockDriver(job.printerId());
    if (driver.live()) {
      throw new DomainException(
          PrintingError.NOT_UNKNOWN,
          "Print job "
              + job.id()
              + " is at "
              + job.stage()
              + " on a printer node "
              + driver.node().orElse("")
              + " drives; only an unknown outcome is settled",
          job.id());
    }
    return driver.node().orElse("-");
  }

  private static Transition transition(PrintJob job, Sighting sighting, String who) {
    Stage step = job.resumeStage().orElseThrow();
    boolean fromFeeder = job.card() == CardHeld.UNKNOWN_FROM_FEEDER;
    SpoilCause cause =
        job.rejectCause()
            .orElse(step == Stage.ENCODING ? SpoilCause.ENCODE_FAIL : SpoilCause.PRINT_FAIL);
    return switch (sighting) {
      case IN_OUTPUT_HOPPER -> {
        if (step == Stage.PRINTING && job.chipUid().isPresent()) {
          yield new Transition(
              job.holding(CardHeld.NONE).at(Stage.PRINTED, Optional.empty(), who),
              List.of(new UnknownPrinted(job.chipUid(), who)),
              RequestChange.PRINTED,
              who);
        }
        // a card that reached the hopper before it was printed is a spoiled blank
        yield spoiled(job, cause, who + " (not printed)");
      }
      case IN_REJECT_BOX -> spoiled(job, cause, who);
      case NOWHERE ->
          new Transition(
              job.holding(CardHeld.NONE).at(Stage.LOST, Optional.empty(), who),
              List.of(),
              RequestChange.REQUEUED,
              who + "; loss report proposed");
      case STILL_INSIDE ->
          new Transition(
              job.holding(CardHeld.INSIDE).rejecting(cause, Optional.empty(), who),
              List.of(new BackFromUnknown(false)),
              RequestChange.PRINTING,
              who + "; the station will reject it");
      case STILL_IN_FEEDER -> {
        if (!fromFeeder) {
          throw new DomainException(
              PrintingError.CARD_WAS_PICKED,
              "Print job "
                  + job.id()
                  + " had its card inside the printer; it cannot be in the feeder",
              job.id());
        }
        yield new Transition(
            job.holding(CardHeld.NONE).at(Stage.NOT_PICKED, Optional.empty(), who),
            List.of(new BackFromUnknown(true)),
            RequestChange.REQUEUED,
            who);
      }
    };
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
