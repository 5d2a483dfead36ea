package org.cetak.notify;

import java.time.Instant;
import java.util.Optional;
import org.cetak.common.Masking;

/** The notification outboxes; written inside the transaction that marks a card printed. */
public interface Outbox {

  /**
   * Queues the pickup SMS (when the resident gave a valid phone) unless the card waits for the
   * quality check, and the printed status for the centre. Once per print job: a second call for the
   * same job changes nothing.
   *
   * @param awaitingCheck whether the office checks its cards before release, as the caller read the
   *     office's switch in this transaction (it holds unchanged until the transaction ends)
   */
  void cardPrinted(PrintedCard card, boolean awaitingCheck);

  /** What the outboxes need to know of a printed card. */
  record PrintedCard(
      long officeId,
      long requestId,
      long printJobId,
      String nik,
      String residentName,
      Optional<String> phone,
      String cardUid,
      Instant printedAt) {

    /** The resident's identifiers masked (UU 27/2022). */
    @Override
    public String toString() {
      return "PrintedCard[officeId="
          + officeId
          + ", requestId="
          + requestId
          + ", printJobId="
          + printJobId
          + ", nik="
          + Masking.nik(nik)
          + ", residentName="
          + Masking.name(residentName)
          + ", phone="
          + Masking.phone(phone)
          + ", cardUid="
          + cardUid
          + ", printedAt="
          + printedAt
          + "]";
    }
  }
}
