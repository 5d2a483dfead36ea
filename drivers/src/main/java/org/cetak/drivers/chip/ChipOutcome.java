package org.cetak.drivers.chip;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What came of one encoder operation. Every failure the reader, the chip or the PC/SC service can
 * produce is one of these values; none escapes as an exception.
 */
public sealed interface ChipOutcome<T> {

  /** It worked. */
  record Done<T>(T value) implements ChipOutcome<T> {}

  /** No reader's name matches the configured pattern. */
  record NoReader<T>(String pattern, List<String> readers) implements ChipOutcome<T> {}

  /** No card came into the reader's field in time. */
  record NoCard<T>(String reader, Duration waited) implements ChipOutcome<T> {}

  /**
   * A card is there but does not answer (no answer to reset, or no response).
   *
   * @param uid the chip's UID when it answered that much before falling silent
   */
  record MuteChip<T>(String reader, String detail, Optional<ChipUid> uid)
      implements ChipOutcome<T> {}

  /** The card left the field during the operation. */
  record CardRemoved<T>(String stage, Optional<ChipUid> uid, String detail)
      implements ChipOutcome<T> {}

  /** The chip refused a write: {@code 65 81} memory failure or {@code 69 82} locked. */
  record WriteRefused<T>(ChipFile file, int statusWord, ChipUid uid) implements ChipOutcome<T> {}

  /** What was read back differs from what was written. */
  record VerifyMismatch<T>(ChipFile file, String expectedSha256, String actualSha256, ChipUid uid)
      implements ChipOutcome<T> {}

  /** The PC/SC service is not running or not reachable (it may come back). */
  record ServiceUnavailable<T>(String detail) implements ChipOutcome<T> {}

  /** The chip answered something the profile does not allow (status word or length). */
  record ProtocolFailure<T>(String stage, String detail, Optional<ChipUid> uid)
      implements ChipOutcome<T> {}

  default boolean done() {
    return this instanceof Done;
  }
}
