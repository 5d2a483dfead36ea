package org.cetak.printing.device;

import java.util.Optional;

/** The result of personalising the chip of the card parked at the chip station. */
public sealed interface ChipOutcome {

  /** Written, read back, compared and locked. */
  record Written(String uid) implements ChipOutcome {}

  /** Not written; the card must be rejected. The UID is known when the chip answered to it. */
  record Failed(ChipFailure failure, Optional<String> uid, String detail) implements ChipOutcome {}

  /** Why a chip could not be personalised. */
  enum ChipFailure {
    /** No reader matched; nothing was tried on the card. */
    NO_READER,
    /** No card at the reader within the timeout. */
    NO_CARD,
    /** The chip does not answer (dead chip). */
    MUTE_CHIP,
    /** The card left the reader during the write. */
    CARD_REMOVED,
    /** The chip refused a write (memory failure, locked). */
    WRITE_REFUSED,
    /** What was read back differs from what was written. */
    VERIFY_MISMATCH,
    /** The PC/SC service is down. */
    SERVICE_DOWN;

    /**
     * Whether the card itself is at fault (so it is spoiled) rather than the station (reader or
     * service missing), in which case the card is still rejected but the station pauses.
     */
    public boolean cardAtFault() {
      return switch (this) {
        case MUTE_CHIP, CARD_REMOVED, WRITE_REFUSED, VERIFY_MISMATCH -> true;
        case NO_READER, NO_CARD, SERVICE_DOWN -> false;
      };
    }
  }
}
