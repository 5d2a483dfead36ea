package org.cetak.printing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cetak.printing.device.ChipOutcome;

/**
 * What each step writes: the job's next state, the blanks it moves and what it does to the request,
 * as pure functions of the job and the step's verdict. {@link StepRecorder} persists them.
 */
final class StepTransitions {

  private StepTransitions() {}

  static Transition baselineTaken(PrintJob job, Baseline now) {
    return Transition.of(job.at(job.stage(), Optional.of(now), job.note()), "baseline taken");
  }

  static Transition parked(PrintJob job, Verdict.Parked v, Optional<Baseline> fresh) {
    PrintJob next =
        job.holding(CardHeld.INSIDE).at(Stage.ENCODING, fresh, "parked at the chip station");
    return new Transition(
        next,
        pickMoves(v.picked(), v.extras(), "double feed"),
        RequestChange.NONE,
        "picked and parked");
  }

  static Transition pickedNotParked(
      PrintJob job, Verdict.PickedNotParked v, Optional<Baseline> fresh) {
    PrintJob next =
        job.holding(CardHeld.INSIDE)
            .rejecting(SpoilCause.PRINT_FAIL, fresh, "pick ended at " + v.at());
    return new Transition(
        next,
        pickMoves(v.picked(), v.extras(), "double feed"),
        RequestChange.NONE,
        "picked, not parked: " + v.outcome());
  }

  static Transition notPicked(PrintJob job, Verdict.NotPicked v) {
    return notPicked(
        job, pickMoves(v.picked(), v.extras(), "fed and rejected unprinted"), v.why().advice());
  }

  /** The job ends without a card of its own leaving the feeder; its request goes back. */
  static Transition notPicked(PrintJob job, List<BlankMove> moves, String why) {
    PrintJob next = job.holding(CardHeld.NONE).at(Stage.NOT_PICKED, job.baseline(), why);
    return new Transition(next, moves, RequestChange.REQUEUED, "no card picked: " + why);
  }

  private static List<BlankMove> pickMoves(int picked, int extras, String extrasNote) {
    List<BlankMove> moves = new ArrayList<>();
    if (picked > 0) {
      moves.add(new BlankMove.Picked(picked));
    }
    if (extras > 0) {
      moves.add(
          new BlankMove.Spoiled(
              extras, SpoilCause.PRINT_FAIL, Optional.empty(), false, extrasNote));
    }
    return moves;
  }

  static Transition chipWritten(PrintJob job, String uid, Baseline now) {
    PrintJob next = job.withUid(uid).at(Stage.PRINTING, Optional.of(now), "chip written");
    return Transition.of(next, "chip written and locked");
  }

  /**
   * The chip written on the job's card reports a UID another card holds: a chip fault of this card,
   * which goes to the reject box with that UID, to be spoiled, and its request back to the queue.
   */
  static Transition chipUidTaken(PrintJob job, String uid, long holder, Baseline now) {
    String note =
        "chip UID_REPEATED: " + uid + " already recorded for the card of print job " + holder;
    PrintJob next = job.withUid(uid).rejecting(SpoilCause.ENCODE_FAIL, Optional.of(now), note);
    return Transition.of(next, "chip failed: UID_REPEATED, held by print job " + holder);
  }

  static Transition chipFailed(PrintJob job, ChipOutcome.Failed f, Baseline now) {
    PrintJob next =
        f.uid()
            .map(job::withUid)
            .orElse(job)
            .rejecting(
                SpoilCause.ENCODE_FAIL,
                Optional.of(now),
                "chip " + f.failure() + ": " + f.detail());
    return Transition.of(next, "chip failed: " + f.failure());
  }

  static Transition printed(PrintJob job, Optional<Baseline> fresh) {
    PrintJob next = job.holding(CardHeld.NONE).at(Stage.PRINTED, fresh, "printed");
    return new Transition(
        next,
        List.of(new BlankMove.Printed(job.chipUid().orElse(""))),
        RequestChange.PRINTED,
        "printed and ejected");
  }

  static Transition rejecting(PrintJob job, Verdict.Reject v, Optional<Baseline> fresh) {
    PrintJob next = job.rejecting(SpoilCause.PRINT_FAIL, fresh, "print failed: " + v.outcome());
    return Transition.of(next, "print failed, rejecting: " + v.outcome());
  }

  /** The job's card is in the reject box: spoiled, and its request back in the queue. */
  static Transition spoiled(PrintJob job, SpoilCause cause, Optional<Baseline> fresh, String note) {
    PrintJob next = job.holding(CardHeld.NONE).at(Stage.SPOILED, fresh, note);
    return new Transition(
        next,
        List.of(new BlankMove.Spoiled(1, cause, job.chipUid(), true, note)),
        RequestChange.REQUEUED,
        "spoiled (" + cause + "): " + note);
  }

  /**
   * The card's outcome cannot be told, for {@code cause}: it goes to outcome unknown from where the
   * job held it; {@code why} is the device's own text.
   */
  static Transition toUnknown(PrintJob job, HaltCause cause, String why) {
    boolean fromFeeder = job.card() == CardHeld.NONE;
    PrintJob next =
        job.unknown(fromFeeder ? CardHeld.UNKNOWN_FROM_FEEDER : CardHeld.UNKNOWN_FROM_INSIDE, why);
    return new Transition(
        next,
        List.of(new BlankMove.ToUnknown(fromFeeder)),
        RequestChange.OUTCOME_UNKNOWN,
        why,
        Optional.of(cause));
  }

  /** The counters explain an unknown card: it goes back to where it was, at the unknown step. */
  static Transition settledFromEvidence(PrintJob job, Observation.Conclusive seen) {
    boolean fromFeeder = job.card() == CardHeld.UNKNOWN_FROM_FEEDER;
    PrintJob restored =
        job.holding(fromFeeder ? CardHeld.NONE : CardHeld.INSIDE)
            .at(job.resumeStage().orElseThrow(), job.baseline(), "evidence settles it");
    return new Transition(
        restored,
        List.of(new BlankMove.BackFromUnknown(fromFeeder)),
        RequestChange.PRINTING,
        "settled from the printer's counters: " + seen);
  }

  static Transition rejectingAfterInterruptedEncode(PrintJob job) {
    return Transition.of(
        job.rejecting(SpoilCause.ENCODE_FAIL, job.baseline(), "chip write interrupted"),
        "chip write interrupted, rejecting");
  }
}
