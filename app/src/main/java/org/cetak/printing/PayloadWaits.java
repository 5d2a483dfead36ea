package org.cetak.printing;

import java.time.Instant;
import java.util.List;

/**
 * The requests that wait for their biometric payload before they take a blank: a card is never
 * printed with a placeholder face. Every method runs in the caller's transaction when there is one,
 * else in its own.
 */
public interface PayloadWaits {

  /**
   * The request waits, for this reason: recorded once, its tries counted and its reason and detail
   * replaced on each later try.
   */
  void waiting(long officeId, long requestId, Reason reason, String detail, Instant at);

  /** The request's payload is stored: it waits no longer. */
  void found(long requestId);

  /**
   * The office's requests that wait for their payload (or whose stored payload cannot be read) and
   * are still to be printed (holding a blank, or granted a reprint), longest waiting first.
   */
  List<Waiting> waiting(long officeId);

  /** Why the payload could not be had. */
  enum Reason {
    /** No upstream registry is configured for this office's node. */
    NO_UPSTREAM,
    /** The registry is down, slow or refusing; tried again later. */
    UPSTREAM_UNAVAILABLE,
    /** The registry answered something Cetak cannot use. */
    UPSTREAM_REJECTED,
    /** The registry does not know the NIK. */
    NOT_FOUND_UPSTREAM,
    /** The registry's record comes without a photo. */
    NO_PHOTO_UPSTREAM,
    /**
     * The stored photo or signature cannot be decoded: the card's face cannot be drawn. The card is
     * put aside and its payload fetched again.
     */
    FACE_UNREADABLE
  }

  /**
   * A request waiting for its payload.
   *
   * @param detail what the registry said, without personal data
   */
  record Waiting(
      long requestId,
      Reason reason,
      String detail,
      Instant since,
      Instant lastTriedAt,
      int tries) {}
}
