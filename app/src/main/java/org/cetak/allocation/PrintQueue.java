package org.cetak.allocation;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.cetak.intake.RequestStatus;

/**
 * The print station's side of the queue: reserved requests in priority order and the status moves
 * of printing. Every method runs in the caller's transaction when there is one (so a status move
 * commits with the print job's step that explains it), else in its own.
 *
 * <p>Status moves follow {@link RequestStatus#canMoveTo(RequestStatus)}; a move the request's
 * current status does not allow is refused with a CONFLICT {@link org.cetak.common.DomainException}
 * ({@code REQUEST_STATUS_CONFLICT}) and changes nothing. Every move is written to the request's
 * status history.
 */
public interface PrintQueue {

  /**
   * The next request of the office holding a blank (RESERVED, or FAILED_REQUEUED first-class with
   * its old priority) in priority order, skipping {@code skip} (requests already prepared), with
   * its record and payloads. Payloads deleted after an earlier print are fetched again from the
   * upstream registry when one is configured. Empty when none is waiting.
   */
  Optional<QueuedCard> nextReserved(long officeId, Set<Long> skip);

  default Optional<QueuedCard> nextReserved(long officeId) {
    return nextReserved(officeId, Set.of());
  }

  /** One request with its record and payloads (to prepare it again after a restart). */
  Optional<QueuedCard> card(long requestId);

  /** RESERVED / FAILED_REQUEUED / PRINTED (approved reprint) to PRINTING. */
  void markPrinting(long requestId, String actor);

  /**
   * A print station starts the request's card: RESERVED or FAILED_REQUEUED (or PRINTED, for an
   * approved reprint) to PRINTING. False, with nothing changed, when the request is in any other
   * status (withdrawn, or taken meanwhile).
   */
  boolean startPrinting(long requestId, boolean reprint, String actor);

  /**
   * PRINTING / OUTCOME_UNKNOWN to PRINTED: the reservation is consumed and the biometric payload
   * deleted (a reprint fetches it again). Returns whom to tell that the card can be collected.
   */
  Recipient markPrinted(long requestId, String cardUid, Instant printedAt, String actor);

  /** The resident a printed card belongs to, and the phone to send the pickup SMS to. */
  record Recipient(String nik, String name, Optional<String> phone) {}

  /** PRINTING / OUTCOME_UNKNOWN to FAILED_REQUEUED: keeps its priority and reservation. */
  void requeue(long requestId, String reason, String actor);

  /**
   * The request's status, its row locked until the transaction ends (so the status cannot change
   * before the caller acts on it); empty when there is no such request.
   */
  Optional<RequestStatus> lockStatus(long requestId);

  /** PRINTING to OUTCOME_UNKNOWN, until an operator settles it. */
  void markOutcomeUnknown(long requestId, String reason, String actor);

  /** PRINTED to HANDED_OVER: the resident collected the card. */
  void markHandedOver(long requestId, String actor);

  /**
   * QUEUED / RESERVED / FAILED_REQUEUED to WITHDRAWN by an officer: the reservation is released and
   * the payload deleted.
   */
  void withdraw(long requestId, String reason, String actor);
}
