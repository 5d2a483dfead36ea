package org.cetak.request;

import java.time.Instant;
import java.util.Optional;
import org.cetak.common.Masking;
import org.cetak.intake.Payloads;
import org.cetak.intake.RequestStatus;

/**
 * A print request's life (permohonan cetak), one move at a time: the one port through which the
 * print station, the counter and officers move a request. Every method runs in the caller's
 * transaction when there is one (so a status move commits with the print job's step that explains
 * it), else in its own.
 *
 * <p>Moves follow {@link RequestStatus#canMoveTo(RequestStatus)}; a move the request's current
 * status does not allow is refused with a CONFLICT {@link org.cetak.common.DomainException} ({@code
 * REQUEST_STATUS_CONFLICT}) and changes nothing. Every move is written to the request's status
 * history. Imports and allocation runs move many requests at once through the same implementation
 * ({@code JooqRequestLifecycle}).
 */
public interface RequestLifecycle {

  /**
   * The request's status, its row locked until the transaction ends (so the status cannot change
   * before the caller acts on it); empty when there is no such request.
   */
  Optional<RequestStatus> lockStatus(long requestId);

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
  default Recipient markPrinted(long requestId, String cardUid, Instant printedAt, String actor) {
    return markPrinted(requestId, cardUid, printedAt, actor, false);
  }

  /**
   * {@link #markPrinted(long, String, Instant, String)}, keeping the biometric payload when {@code
   * awaitingCheck}: the print room's quality check shows the card's face and a rejected card is
   * printed again from it; the check deletes it when the card passes.
   */
  Recipient markPrinted(
      long requestId, String cardUid, Instant printedAt, String actor, boolean awaitingCheck);

  /**
   * A PRINTED card passed the print room's quality check: the request stays PRINTED, its history
   * says so and its biometric payload is deleted. Returns whom to tell that the card can be
   * collected. Refused (REQUEST_STATUS_CONFLICT) when the request is not PRINTED.
   */
  Recipient passedCheck(long requestId, String detail, String actor);

  /**
   * A PRINTED card rejected at the print room's quality check (it never left the room): the request
   * goes back to the queue as FAILED_REQUEUED with the reservation its print consumed open again
   * (same tier, rule and rank), without a supervisor's approval; the office's reservations are then
   * held within its blanks. Refused (REQUEST_STATUS_CONFLICT) when the request is not PRINTED.
   */
  void rejectedAtCheck(long requestId, String reason, String actor);

  /** The resident a printed card belongs to, and the phone to send the pickup SMS to. */
  record Recipient(String nik, String name, Optional<String> phone) {
    /** Masked (UU 27/2022). */
    @Override
    public String toString() {
      return "Recipient[nik="
          + Masking.nik(nik)
          + ", name="
          + Masking.name(name)
          + ", phone="
          + Masking.phone(phone)
          + "]";
    }
  }

  /** PRINTING / OUTCOME_UNKNOWN to FAILED_REQUEUED: keeps its priority and reservation. */
  void requeue(long requestId, String reason, String actor);

  /**
   * PRINTING to OUTCOME_UNKNOWN, until an operator settles it: {@code cause} is the station's code
   * of why the card's outcome cannot be told ({@code printing.HaltCause}), {@code detail} the
   * device's own text.
   */
  void markOutcomeUnknown(long requestId, String cause, String detail, String actor);

  /** PRINTED to HANDED_OVER: the resident collected the card. */
  void markHandedOver(long requestId, String actor);

  /**
   * QUEUED / RESERVED / FAILED_REQUEUED to WITHDRAWN by an officer: the reservation is released and
   * the payload deleted.
   */
  void withdraw(long requestId, String reason, String actor);

  /**
   * Keeps the payloads fetched again from the upstream registry for a request to be printed (they
   * were deleted after an earlier print); replaces what is stored.
   */
  void storePayloads(long requestId, Payloads payloads);
}
