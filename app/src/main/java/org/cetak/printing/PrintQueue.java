package org.cetak.printing;

import java.util.Optional;
import java.util.Set;

/**
 * The print station's side of the queue: the requests holding a blank, in priority order, with what
 * their cards need. Reads only: a request is moved through {@link
 * org.cetak.request.RequestLifecycle}. Every method runs in its own transaction when called outside
 * one.
 */
public interface PrintQueue {

  /**
   * The next request of the office holding a blank (RESERVED, or FAILED_REQUEUED first-class with
   * its old priority) in priority order, skipping {@code skip} (requests already prepared), with
   * its record and payloads. Empty when none is waiting.
   */
  Optional<QueuedCard> nextReserved(long officeId, Set<Long> skip);

  default Optional<QueuedCard> nextReserved(long officeId) {
    return nextReserved(officeId, Set.of());
  }

  /** One request with its record and payloads (to prepare it again after a restart). */
  Optional<QueuedCard> card(long requestId);

  /**
   * The card's face cannot be drawn from what is stored (a photo or signature no codec can read):
   * the request is put aside with the problem, is passed over (it takes no blank) and its payload
   * is asked for again later, as for a card without its photo.
   *
   * @param problem what is wrong, without personal data
   */
  void putAside(QueuedCard card, String problem);
}
