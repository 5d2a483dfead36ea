package org.cetak.pickup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.cetak.common.Masking;
import org.cetak.intake.RequestReason;
import org.cetak.intake.RequestStatus;

/**
 * A resident's card as the counter officer finds it: enough to recognise the resident and the card,
 * nothing more. {@link #toString()} masks the NIK and leaves out name and birth date, so that a
 * card in a log line gives nobody away.
 *
 * @param birthDate empty once the request's personal data was erased after handover
 * @param printedAt when the card came out, empty while it waits
 * @param awaitingCheck printed, but still waiting for the print room's quality check: not at the
 *     counter yet
 */
public record CardAtCounter(
    long requestId,
    long officeId,
    String nik,
    String name,
    Optional<LocalDate> birthDate,
    Optional<String> suketNumber,
    RequestReason reason,
    RequestStatus status,
    Optional<Instant> printedAt,
    Optional<String> cardUid,
    boolean awaitingCheck,
    Optional<Instant> handedAt) {

  public String nikMasked() {
    return Masking.nik(nik);
  }

  /** Whether it can be handed over now: printed, checked where the office checks, not collected. */
  public boolean collectable() {
    return status == RequestStatus.PRINTED && !awaitingCheck;
  }

  /** A replacement: the resident has an old card to give back (or a police report of its loss). */
  public boolean replacement() {
    return reason != RequestReason.FIRST_CARD;
  }

  /** Whole days since it was printed, on {@code now}. */
  public Optional<Long> daysSincePrinted(Instant now) {
    return printedAt.map(p -> Duration.between(p, now).toDays());
  }

  @Override
  public String toString() {
    return "CardAtCounter[request="
        + requestId
        + ", nik="
        + nikMasked()
        + ", status="
        + status
        + ", cardUid="
        + cardUid.orElse("-")
        + "]";
  }
}
