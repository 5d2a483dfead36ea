package org.cetak.printing;

import java.util.Optional;

/** A movement of blanks the ledger records with a job's step, in the same transaction. */
public sealed interface BlankMove {

  /** Blanks picked: feeder to inside the printer. */
  record Picked(int count) implements BlankMove {}

  /**
   * Cards from inside the printer to the spoiled pile. {@code ours} tells whether one of them is
   * the job's card (with its request); the others are extra blanks of a double feed.
   */
  record Spoiled(int count, SpoilCause cause, Optional<String> chipUid, boolean ours, String note)
      implements BlankMove {}

  /** The job's card from inside the printer to printed. */
  record Printed(String chipUid) implements BlankMove {}

  /** The job's card into outcome unknown, from the feeder or from inside the printer. */
  record ToUnknown(boolean fromFeeder) implements BlankMove {}

  /** The job's card back from outcome unknown to where it was before the unknown step. */
  record BackFromUnknown(boolean toFeeder) implements BlankMove {}

  /** An operator saw the card in the output hopper: outcome unknown to printed. */
  record UnknownPrinted(Optional<String> chipUid, String note) implements BlankMove {}

  /** An operator saw the card spoiled or could not find it: outcome unknown to spoiled. */
  record UnknownSpoiled(SpoilCause cause, Optional<String> chipUid, String note)
      implements BlankMove {}
}
