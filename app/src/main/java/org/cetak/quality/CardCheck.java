package org.cetak.quality;

import java.time.Instant;
import java.util.Optional;
import org.cetak.common.Masking;

/**
 * A printed card that had to be checked before it leaves the print room, and what came of it.
 *
 * @param chipUid the chip UID the print station recorded when it wrote the chip
 * @param uidRead the UID read back at the check (by the reader, or typed or scanned)
 */
public record CardCheck(
    long printJobId,
    long officeId,
    long requestId,
    String printerCode,
    String residentName,
    String chipUid,
    Instant printedAt,
    Status status,
    Optional<String> uidRead,
    Optional<CheckReason> reason,
    Optional<String> checkedBy,
    Optional<Instant> checkedAt) {

  /** Where a card is in the check. */
  public enum Status {
    /** Printed, not checked yet (belum diperiksa): it cannot be handed over. */
    WAITING,
    /** Checked and released to the counter; its pickup SMS is written. */
    PASSED,
    /** Rejected: spoiled, its request back in the queue. */
    REJECTED
  }

  /** The resident's name masked (UU 27/2022). */
  @Override
  public String toString() {
    return "CardCheck[job="
        + printJobId
        + ", request="
        + requestId
        + ", resident="
        + Masking.name(residentName)
        + ", chip="
        + chipUid
        + ", "
        + status
        + "]";
  }
}
