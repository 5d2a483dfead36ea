package org.cetak.consolidation;

import java.time.Instant;
import java.util.Optional;
import org.cetak.common.Masking;

/**
 * A status push claimed for one attempt: the row of the status outbox, leased to this attempt until
 * its lease runs out.
 *
 * @param attempt the number of this attempt (1 = the first)
 * @param attemptId the attempt's row, written before the centre is called
 */
public record PendingPush(
    long id,
    long officeId,
    String officeCode,
    long requestId,
    long printJobId,
    PushKind kind,
    String nik,
    String cardUid,
    Instant printedAt,
    Optional<Instant> handedAt,
    int attempt,
    long attemptId) {

  /**
   * The idempotency key the centre sees: the same for every attempt of this push, different for
   * every card and kind, so the centre records each card's status once.
   */
  public String key() {
    return officeCode + "/" + kind + "/" + printJobId;
  }

  @Override
  public String toString() {
    return "PendingPush[id="
        + id
        + ", request="
        + requestId
        + ", kind="
        + kind
        + ", nik="
        + Masking.nik(nik)
        + ", attempt="
        + attempt
        + "]";
  }
}
