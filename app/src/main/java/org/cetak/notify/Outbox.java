package org.cetak.notify;

import java.time.Instant;
import java.util.Optional;

/** The notification outboxes; written inside the transaction that marks a card printed. */
public interface Outbox {

  /**
   * Queues the pickup SMS (when the resident gave a valid phone) and the printed status for the
   * centre. Once per print job: a second call for the same job changes nothing.
   */
  void cardPrinted(PrintedCard card);

  /** What the outboxes need to know of a printed card. */
  record PrintedCard(
      long officeId,
      long requestId,
      long printJobId,
      String nik,
      String residentName,
      Optional<String> phone,
      String cardUid,
      Instant printedAt) {}
}
