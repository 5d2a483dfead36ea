package org.cetak.consolidation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The status outbox (the printed status of each card, then its handover) on its way to the centre.
 * Each method is one short step; the caller runs it in a transaction of its own so that a claimed
 * attempt is committed before the centre is called.
 */
public interface ConsolidationQueue {

  /**
   * Claims the oldest push that is due (pending and not leased, or its lease run out) and whose
   * request has no earlier push still unsent, so a request's pushes go in order. Counts the
   * attempt, leases the push until {@code leaseUntil} (no other node takes it meanwhile) and
   * records the attempt as in flight. {@code requestId} restricts the claim to one request.
   */
  Optional<PendingPush> claimNext(
      Instant now, Instant leaseUntil, Optional<Long> requestId, String actor);

  /** Records the attempt's outcome and moves the push on (sent, due again later, or stuck). */
  void finish(PendingPush push, PushResult result, Instant now);

  /**
   * The centre is unavailable: every pending push waits until {@code until} (one probe at a time
   * then, not one call per push).
   */
  void postponeAll(Instant until);

  /**
   * The centre answers again: pushes waiting out a backoff become due now (not those under way on
   * another node). Returns how many.
   */
  int wakeWaiting(Instant now);

  /**
   * Queues the handover of a request's card after its printed status (once: a second call changes
   * nothing). Empty when the request has no printed status queued.
   */
  Optional<Long> queueHandover(long requestId, Instant handedAt);

  /**
   * A stuck or waiting push of the office made due now; false when it is sent or not the office's.
   */
  boolean release(long officeId, long pushId, Instant now);

  /** The request a push belongs to. */
  Optional<Long> requestOf(long pushId);

  /** Pushes of the office not sent yet (stuck first, then oldest first), at most {@code limit}. */
  List<QueuedPush> backlog(long officeId, int limit);

  /** Counts of the office's backlog: pending and stuck. */
  Backlog counts(long officeId);

  /** Every push of a NIK's cards in the office with its attempts, oldest first. */
  List<QueuedPush> history(long officeId, String nik);

  /** When the centre accepted the request's printed status, if it has. */
  Optional<Instant> printedStatusSent(long requestId);

  /** Counts of a backlog. */
  record Backlog(long pending, long stuck, Optional<Instant> oldest) {}
}
