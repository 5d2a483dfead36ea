package org.cetak.printing;

import java.util.Optional;

/**
 * A movement of blanks the ledger records with a job's step, in the same transaction ({@link
 * PrintRoomLedger} says where each one takes the blank from and to).
 *
 * <p>Java 17 has no pattern {@code switch} over a sealed type; {@link #kind()} stands in for it: a
 * new kind of move must add a {@link Kind}, and every {@code switch} over the kinds, which has no
 * {@code default}, stops compiling until it says what the new move does.
 */
public sealed interface BlankMove {

  /** The kinds of move, one per record below. */
  enum Kind {
    PICKED,
    SPOILED,
    PRINTED,
    TO_UNKNOWN,
    BACK_FROM_UNKNOWN,
    UNKNOWN_PRINTED,
    UNKNOWN_SPOILED
  }

  Kind kind();

  /** Blanks picked: feeder to inside the printer. */
  record Picked(int count) implements BlankMove {
    @Override
    public Kind kind() {
      return Kind.PICKED;
    }
  }

  /**
   * Cards from inside the printer to the spoiled pile. {@code ours} tells whether one of them is
   * the job's card (with its request); the others are extra blanks of a double feed.
   */
  record Spoiled(int count, SpoilCause cause, Optional<String> chipUid, boolean ours, String note)
      implements BlankMove {
    @Override
    public Kind kind() {
      return Kind.SPOILED;
    }
  }

  /** The job's card from inside the printer to printed. */
  record Printed(String chipUid) implements BlankMove {
    @Override
    public Kind kind() {
      return Kind.PRINTED;
    }
  }

  /** The job's card into outcome unknown, from the feeder or from inside the printer. */
  record ToUnknown(boolean fromFeeder) implements BlankMove {
    @Override
    public Kind kind() {
      return Kind.TO_UNKNOWN;
    }
  }

  /** The job's card back from outcome unknown to where it was before the unknown step. */
  record BackFromUnknown(boolean toFeeder) implements BlankMove {
    @Override
    public Kind kind() {
      return Kind.BACK_FROM_UNKNOWN;
    }
  }

  /** An operator saw the card in the output hopper: outcome unknown to printed. */
  record UnknownPrinted(Optional<String> chipUid, String note) implements BlankMove {
    @Override
    public Kind kind() {
      return Kind.UNKNOWN_PRINTED;
    }
  }

  /** An operator saw the card spoiled or could not find it: outcome unknown to spoiled. */
  record UnknownSpoiled(SpoilCause cause, Optional<String> chipUid, String note)
      implements BlankMove {
    @Override
    public Kind kind() {
      return Kind.UNKNOWN_SPOILED;
    }
  }
}
