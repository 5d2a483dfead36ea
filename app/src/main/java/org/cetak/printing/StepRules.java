package org.cetak.printing;

import org.cetak.printing.Observation.Conclusive;
import org.cetak.printing.Observation.Inconclusive;
import org.cetak.printing.device.CardPosition;
import org.cetak.printing.device.PrinterCondition;
import org.cetak.printing.device.PrinterSnapshot;
import org.cetak.printing.device.StepOutcome;

/**
 * The print station's decisions, as pure functions: what a step's evidence means ({@link #verdict})
 * and what stops the printer from taking a step's command now ({@link #blocker}). Nothing here
 * reads a device or a database; {@code StepRulesTest} checks every combination.
 */
public final class StepRules {

  private StepRules() {}

  /**
   * What happened to the job's card, from the stage its job was at, what the printer's counters
   * show moved since the step's baseline, and what the printer answered to the step's command.
   * Counters, never a missing reply, decide: an unanswered command that moved nothing is sent
   * again; anything the counters cannot explain is an unknown outcome.
   */
  public static Verdict verdict(Stage stage, Observation seen, StepOutcome outcome) {
    if (seen instanceof Inconclusive i) {
      return new Verdict.Unknown(describe(outcome) + "; " + i.why());
    }
    Conclusive c = (Conclusive) seen;
    return switch (stage) {
      case PICKING -> pick(c, outcome);
      case PRINTING -> print(c, outcome);
      case REJECTING -> reject(c, outcome);
      case ENCODING, UNKNOWN, PRINTED, SPOILED, NOT_PICKED ->
          new Verdict.Unknown("cards moved while the job was at " + stage);
    };
  }

  private static Verdict pick(Conclusive seen, StepOutcome outcome) {
    if (seen.ejected() > 0) {
      return new Verdict.Unknown("a card reached the output hopper during a pick");
    }
    int extras = seen.rejected();
    if (!seen.cardInside()) {
      if (seen.picked() == 0 && outcome instanceof StepOutcome.NoAnswer n) {
        return new Verdict.SendAgain(n.why());
      }
      PrinterCondition why =
          outcome instanceof StepOutcome.Refused r ? r.condition() : PrinterCondition.PICK_FAILED;
      return new Verdict.NotPicked(seen.picked(), extras, why);
    }
    if (seen.position() == CardPosition.CONTACTLESS) {
      return new Verdict.Parked(seen.picked(), extras);
    }
    return new Verdict.PickedNotParked(seen.picked(), extras, seen.position(), describe(outcome));
  }

  private static Verdict print(Conclusive seen, StepOutcome outcome) {
    if (seen.picked() > 0) {
      return new Verdict.Unknown("a blank was picked while a card was being printed");
    }
    if (!seen.cardInside() && seen.ejected() == 1 && seen.rejected() == 0) {
      return new Verdict.Printed();
    }
    if (!seen.cardInside() && seen.rejected() == 1 && seen.ejected() == 0) {
      return new Verdict.Spoiled("print failed, card in the reject box: " + describe(outcome));
    }
    if (!seen.cardInside() || !seen.nothingMoved()) {
      return new Verdict.Unknown("print step moved cards unexpectedly: " + seen);
    }
    if (outcome instanceof StepOutcome.Refused r) {
      switch (r.condition()) {
        case COVER_OPEN, HOPPER_FULL, BUSY -> {
          // the printer did not start: the card is untouched and is printed after the fix
          return new Verdict.Pause(r.condition());
        }
        case NONE,
            FEEDER_EMPTY,
            PICK_FAILED,
            MECHANICAL,
            RIBBON,
            REJECT_BOX_FULL,
            HEAD_TEMP,
            NO_CARD,
            BAD_REQUEST,
            OTHER -> {
          // anything else may have marked the card (a head too hot can melt it): reject it
        }
      }
    }
    if (outcome instanceof StepOutcome.NoAnswer n && seen.stoodStill()) {
      // the card did not move at all: the print never started
      return new Verdict.SendAgain(n.why());
    }
    PrinterCondition after =
        outcome instanceof StepOutcome.Refused r && r.condition().pauses()
            ? r.condition()
            : PrinterCondition.NONE;
    return new Verdict.Reject(describe(outcome), seen.position(), after);
  }

  private static Verdict reject(Conclusive seen, StepOutcome outcome) {
    if (seen.picked() > 0 || seen.ejected() > 0) {
      return new Verdict.Unknown("reject moved cards unexpectedly: " + seen);
    }
    if (!seen.cardInside() && seen.rejected() == 1) {
      return new Verdict.Rejected();
    }
    if (!seen.cardInside() || !seen.nothingMoved()) {
      return new Verdict.Unknown("reject step moved cards unexpectedly: " + seen);
    }
    if (outcome instanceof StepOutcome.Refused r && r.condition().pauses()) {
      return new Verdict.Pause(r.condition());
    }
    if (seen.position() == CardPosition.JAMMED) {
      return new Verdict.Pause(PrinterCondition.MECHANICAL);
    }
    return new Verdict.SendAgain(describe(outcome));
  }

  /**
   * What keeps the printer from taking the command of a job at {@code stage} now, {@code NONE} when
   * nothing does: before a pick, whatever the printer reports; before a print, an open cover, a hot
   * head, no ribbon or a full output hopper; before a reject, an open cover or a full reject box.
   * (A jammed card stops every step; the station looks for it first.)
   */
  public static PrinterCondition blocker(Stage stage, PrinterSnapshot now) {
    return switch (stage) {
      case PICKING -> now.blocker();
      case PRINTING ->
          now.coverOpen()
              ? PrinterCondition.COVER_OPEN
              : now.cooling()
                  ? PrinterCondition.HEAD_TEMP
                  : now.ribbon() <= 0
                      ? PrinterCondition.RIBBON
                      : now.hopperCount() >= now.hopperCapacity()
                          ? PrinterCondition.HOPPER_FULL
                          : PrinterCondition.NONE;
      case REJECTING ->
          now.coverOpen()
              ? PrinterCondition.COVER_OPEN
              : now.rejectCount() >= now.rejectCapacity()
                  ? PrinterCondition.REJECT_BOX_FULL
                  : PrinterCondition.NONE;
      case ENCODING, UNKNOWN, PRINTED, SPOILED, NOT_PICKED -> PrinterCondition.NONE;
    };
  }

  /** The printer's answer as an operator reads it in a job's note. */
  static String describe(StepOutcome outcome) {
    if (outcome instanceof StepOutcome.Refused r) {
      return r.reply();
    }
    if (outcome instanceof StepOutcome.NoAnswer n) {
      return "no answer (" + n.why() + ")";
    }
    return "OK";
  }
}
