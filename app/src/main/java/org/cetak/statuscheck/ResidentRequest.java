package org.cetak.statuscheck;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.cetak.intake.RequestStatus;

/**
 * A NIK's latest request as the status page needs it. No {@code toString} of the birth date: the
 * record is never logged whole.
 *
 * @param birthDate empty once erased after handover (the page then knows the request no more)
 * @param awaitingCheck its printed card waits for the print room's card check
 */
public record ResidentRequest(
    long requestId,
    long officeId,
    Optional<LocalDate> birthDate,
    RequestStatus status,
    Optional<Instant> printedAt,
    Optional<Instant> handedAt,
    boolean awaitingCheck) {

  @Override
  public String toString() {
    return "ResidentRequest[request=" + requestId + ", status=" + status + "]";
  }
}
