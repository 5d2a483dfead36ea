package org.cetak.printing;

import org.cetak.printing.device.CardPosition;
import org.cetak.printing.device.PrinterCondition;

/**
 * What a step's evidence means for its job: the answer of {@link StepRules#verdict}. The station
 * carries it out ({@link PrintStation}); {@link StepTransitions} says what each one writes.
 *
 * <p>{@link #kind()} stands in for a pattern {@code switch}, which Java 17 lacks: a new verdict
 * adds a {@link Kind}, and the station's {@code switch} without {@code default} stops compiling
 * until it says what to do with it.
 */
public sealed interface Verdict {

  /** The kinds of verdict, one per record below. */
  enum Kind {
    UNKNOWN,
    SEND_AGAIN,
    NOT_PICKED,
    PARKED,
    PICKED_NOT_PARKED,
    PRINTED,
    SPOILED,
    PAUSE,
    REJECT,
    REJECTED
  }

  Kind kind();

  /** The counters cannot tell what happened: the card's outcome is unknown. */
  record Unknown(String why) implements Verdict {
    @Override
    public Kind kind() {
      return Kind.UNKNOWN;
    }
  }

  /** Nothing moved and the printer gave no usable answer: the same command is sent again. */
  record SendAgain(String why) implements Verdict {
    @Override
    public Kind kind() {
      return Kind.SEND_AGAIN;
    }
  }

  /**
   * No card stayed inside after the pick: the job ends without a card, {@code extras} blanks that
   * were fed and rejected unprinted are spoiled, and the printer pauses for {@code why}.
   */
  record NotPicked(int picked, int extras, PrinterCondition why) implements Verdict {
    @Override
    public Kind kind() {
      return Kind.NOT_PICKED;
    }
  }

  /** The blank is parked at the chip station ({@code extras} more of a double feed spoiled). */
  record Parked(int picked, int extras) implements Verdict {
    @Override
    public Kind kind() {
      return Kind.PARKED;
    }
  }

  /** The blank was picked but stopped at {@code at}, not at the chip station: it is rejected. */
  record PickedNotParked(int picked, int extras, CardPosition at, String outcome)
      implements Verdict {
    @Override
    public Kind kind() {
      return Kind.PICKED_NOT_PARKED;
    }
  }

  /** The card came out in the output hopper. */
  record Printed() implements Verdict {
    @Override
    public Kind kind() {
      return Kind.PRINTED;
    }
  }

  /** The print failed and the printer put the card in the reject box itself: spoiled. */
  record Spoiled(String note) implements Verdict {
    @Override
    public Kind kind() {
      return Kind.SPOILED;
    }
  }

  /**
   * The printer did not start the step and the card is untouched: pause for {@code condition}; the
   * step is sent again once the printer is resumed.
   */
  record Pause(PrinterCondition condition) implements Verdict {
    @Override
    public Kind kind() {
      return Kind.PAUSE;
    }
  }

  /**
   * The print failed ({@code outcome}) with the card still inside, at {@code at}: it is rejected (a
   * jam pauses the printer first); {@code pauseAfter}, unless {@code NONE}, pauses it once the card
   * is rejected.
   */
  record Reject(String outcome, CardPosition at, PrinterCondition pauseAfter) implements Verdict {
    @Override
    public Kind kind() {
      return Kind.REJECT;
    }
  }

  /** The card went into the reject box as asked: spoiled for the job's reject cause. */
  record Rejected() implements Verdict {
    @Override
    public Kind kind() {
      return Kind.REJECTED;
    }
  }
}
