package org.cetak.allocation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The queue as allocation sees it, in PostgreSQL: the ranking is done there, set-based. Every
 * method runs in the caller's transaction.
 */
public interface AllocationStore {

  /** Takes the office's queue lock until the transaction ends: one run per office at a time. */
  void lock(long officeId);

  /** Reservations of withdrawn requests that are still open are released; returns how many. */
  int releaseWithdrawn(long officeId, OffsetDateTime now);

  /** Blanks held by reservations whose card is not printed yet (vault or feeder). */
  long held(long officeId);

  /** Cards printed at the office since the start of the day. */
  long printedSince(long officeId, OffsetDateTime startOfDay);

  /** Counts that bound a run. */
  QueueCounts counts(long officeId, OffsetDateTime startOfDay);

  long startRun(
      long officeId, RunTrigger trigger, String actor, int policyVersion, OffsetDateTime now);

  /**
   * Reserves blanks for the top {@code limit} eligible queued requests (print-ready, photo present)
   * by tier, then oldest Suket, then oldest PRR time, recording run, tier, rule and rank. Returns
   * how many were reserved.
   */
  int reserveTop(
      long officeId,
      long runId,
      PriorityPolicy policy,
      LocalDate today,
      int limit,
      OffsetDateTime now);

  void finishRun(long runId, RunResult result, OffsetDateTime now);

  /** The office of the NIK's newest request. */
  Optional<Long> officeOf(String nik);

  /**
   * Where one request stands in the queue under the policy: the requests ahead of it are read from
   * the office's queue counts when they are those of {@code policy} today, from the queue itself
   * otherwise.
   */
  Optional<QueuePosition> position(String nik, PriorityPolicy policy, LocalDate today);

  /** Whether the office's queue counts are those of {@code policy} on {@code today}. */
  boolean queueCounted(long officeId, PriorityPolicy policy, LocalDate today);

  /**
   * Starts keeping counts of the office's queue (none yet: {@link #recount} fills them). Commit it
   * before the recount, so every transaction that changes the queue after the recount counts its
   * change.
   */
  void countQueue(long officeId);

  /**
   * Counts the office's queue afresh under {@code policy} on {@code today}, unless another
   * transaction just did; from then on each change of the queue keeps the counts.
   */
  void recount(long officeId, PriorityPolicy policy, LocalDate today);

  /**
   * Reserves a blank for one request now, outside the ranking (an urgent walk-in a supervisor
   * approved). Returns false when the request is not queued and eligible.
   */
  boolean reserveOne(
      long requestId,
      long runId,
      String rule,
      String approvedBy,
      int policyVersion,
      OffsetDateTime now);

  /**
   * The size of an office's queue.
   *
   * @param held reservations whose blank is still in the vault or a feeder
   * @param outstanding reservations not yet printed (held, printing, outcome unknown)
   * @param printedToday cards printed since the start of the day
   * @param queued requests waiting (eligible or not: no photo yet, not print-ready)
   */
  /**
   * The office's queue by tier today: requests waiting for a blank placed by the policy, and
   * requests holding a blank by the tier their reservation was made in.
   */
  List<TierCount> byTier(long officeId, PriorityPolicy policy, LocalDate today);

  /** Requests of one tier: waiting for a blank, and holding one. */
  record TierCount(int tier, long waiting, long holding) {}

  record QueueCounts(long held, long outstanding, long printedToday, long queued) {}

  /**
   * Where one request stands in its office's queue.
   *
   * @param tier empty when no tier of the policy takes the request
   * @param queuedAhead eligible queued requests ranked before it
   * @param heldAhead reserved requests that print before it (all of them when it is queued)
   * @param reservation its reservation when it holds one
   * @param previousRequestId the closed request of the same NIK this one follows
   */
  record QueuePosition(
      long requestId,
      long officeId,
      String status,
      boolean eligible,
      String siakStatus,
      boolean hasPhoto,
      Optional<PriorityPolicy.Placement> tier,
      long queuedAhead,
      long heldAhead,
      Optional<Reservation> reservation,
      Optional<Long> previousRequestId) {}

  record Reservation(long runId, int tier, String rule, int rank, OffsetDateTime reservedAt) {}

  /**
   * The first {@code limit} eligible queued requests of an office in the order a run under {@code
   * policy} would reserve them (nothing is reserved).
   */
  List<Ranked> ranked(long officeId, PriorityPolicy policy, LocalDate today, int limit);

  /** Eligible queued requests of an office per tier of {@code policy}; 0 is no tier. */
  java.util.Map<Integer, Long> tierCounts(long officeId, PriorityPolicy policy, LocalDate today);

  /** A queued request in a policy's order. */
  record Ranked(long requestId, String nik, int tier) {}
}
