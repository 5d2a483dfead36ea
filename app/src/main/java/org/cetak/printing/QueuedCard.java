package org.cetak.printing;

import java.time.ZoneId;
import java.util.Set;
import org.cetak.intake.Payloads;
import org.cetak.intake.RecordFlag;
import org.cetak.intake.RequestStatus;
import org.cetak.intake.ResidentRecord;

/**
 * A reserved request as the print station takes it: the record to print, its biometric payloads,
 * and the reservation that holds its blank.
 *
 * @param officeCode Kemendagri code of the office (printed as the place of issue)
 * @param tier the reservation's tier; {@code rank} its rank in its run
 */
public record QueuedCard(
    long requestId,
    long officeId,
    String officeCode,
    RequestStatus status,
    int tier,
    String rule,
    int rank,
    ResidentRecord record,
    Set<RecordFlag> flags,
    Payloads payloads,
    ZoneId officeZone) {

  /** Whether its photo is here: a card is never printed with a placeholder face. */
  public boolean hasPhoto() {
    return payloads.photo().isPresent();
  }

  /** The same card with payloads found elsewhere (fetched again upstream). */
  public QueuedCard withPayloads(Payloads found) {
    Set<RecordFlag> now = java.util.EnumSet.noneOf(RecordFlag.class);
    now.addAll(flags);
    if (found.photo().isPresent()) {
      now.remove(RecordFlag.PHOTO_MISSING);
    }
    return new QueuedCard(
        requestId, officeId, officeCode, status, tier, rule, rank, record, now, found, officeZone);
  }
}
