package org.cetak.consolidation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.cetak.allocation.AllocationError;
import org.cetak.common.Backoff;
import org.cetak.common.DomainException;
import org.cetak.common.Masking;
import org.cetak.common.Transactions;
import org.cetak.intake.IntakeError;
import org.cetak.intake.UpstreamRegistry;
import org.cetak.office.Access;
import org.cetak.office.Audit;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each card's printed status, then its handover, to the centre (konsolidasi) from the status
 * outbox, through the upstream registry port.
 *
 * <p>Printing never waits for the centre: the print station only writes the outbox row. A push is
 * claimed and its attempt recorded in a committed transaction before the centre is called, and
 * carries an idempotency key that is the same for every attempt ({@link PendingPush#key()}), so a
 * node that dies between the centre's answer and the commit leaves a leased push that is tried
 * again after its lease, and the centre recognises it instead of recording the card twice. When the
 * centre is unavailable the run stops (the other pushes would fail the same way) and every pending
 * push waits out a doubling backoff, the oldest one probing the centre; the first accepted push
 * after an outage makes the waiting ones due at once. A push the centre refuses is stuck until an
 * officer pushes it again, and holds back the later pushes of its request so that they arrive in
 * order.
 */
public final class ConsolidationService {

  private static final Logger log = LoggerFactory.getLogger(ConsolidationService.class);

  private final ConsolidationQueue queue;
  private final Optional<UpstreamRegistry> registry;
  private final Access access;
  private final Audit audit;
  private final Transactions transactions;
  private final Clock clock;
  private final Backoff backoff;
  private final Duration lease;

  public ConsolidationService(
      ConsolidationQueue queue,
      Optional<UpstreamRegistry> registry,
      Access access,
      Audit audit,
      Transactions transactions,
      Clock clock,
      Backoff backoff,
      Duration lease) {
    this.queue = queue;
    this.registry = registry;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
    this.backoff = backoff;
    this.lease = lease;
  }

  /** Whether an upstream registry is configured to push to. */
  public boolean connected() {
    return registry.isPresent();
  }

  /** Pushes everything due, oldest first, until nothing is due or the centre is unavailable. */
  public PushRun pushDue(String actor) {
    return push(Optional.empty(), actor);
  }

  /**
   * "Push now" (konsolidasi manual): makes a stuck or waiting push due and pushes its request's
   * unsent statuses at once, in order. The officer sees the centre's answer in the returned run.
   */
  public PushRun pushNow(long officeId, long pushId, User by) {
    access.require(by, Permission.PUSH_CONSOLIDATION, officeId);
    if (registry.isEmpty()) {
      throw new DomainException(
          IntakeError.NO_UPSTREAM, "No upstream registry is configured (cetak.upstream.url)");
    }
    long requestId =
        transactions.inTransaction(
            () -> {
              if (queue.requestOf(pushId).isEmpty()) {
                throw new DomainException(
                    ConsolidationError.UNKNOWN_PUSH, "No status push " + pushId, pushId);
              }
              if (!queue.release(officeId, pushId, clock.instant())) {
                throw new DomainException(
                    ConsolidationError.PUSH_NOT_WAITING,
                    "Status push " + pushId + " of office " + officeId + " is not waiting",
                    pushId);
              }
              audit.record(officeId, by.username(), "STATUS_PUSH_NOW", "status push " + pushId, "");
              return queue.requestOf(pushId).orElseThrow();
            });
    return push(Optional.of(requestId), by.username());
  }

  private PushRun push(Optional<Long> request, String actor) {
    if (registry.isEmpty()) {
      return new PushRun(0, 0, Optional.of("no upstream registry configured"));
    }
    UpstreamRegistry centre = registry.get();
    int sent = 0;
    int stuck = 0;
    while (true) {
      Instant now = clock.instant();
      Optional<PendingPush> claimed =
          transactions.inTransaction(() -> queue.claimNext(now, now.plus(lease), request, actor));
      if (claimed.isEmpty()) {
        return new PushRun(sent, stuck, Optional.empty());
      }
      PendingPush push = claimed.get();
      UpstreamRegistry.Push answer = call(centre, push);
      Instant after = clock.instant();
      PushResult result = result(push, answer, after);
      transactions.run(
          () -> {
            queue.finish(push, result, after);
            if (result instanceof PushResult.RetryLater r) {
              queue.postponeAll(r.at());
            }
          });
      if (result instanceof PushResult.Sent) {
        if (sent++ == 0) {
          // the centre answers: what waits out a backoff from an outage is due now
          int woken = transactions.inTransaction(() -> queue.wakeWaiting(after));
          if (woken > 0) {
            log.info("The centre answers again: {} waiting status pushes are due now", woken);
          }
        }
      } else if (result instanceof PushResult.Stuck s) {
        stuck++;
        log.warn("Status push {} is stuck: {}", push, s.reason());
      } else if (result instanceof PushResult.RetryLater r) {
        log.info("Centre unavailable ({}); {} is tried again at {}", r.reason(), push, r.at());
        return new PushRun(sent, stuck, Optional.of(r.reason()));
      }
    }
  }

  private static UpstreamRegistry.Push call(UpstreamRegistry centre, PendingPush push) {
    try {
      return switch (push.kind()) {
        case PRINTED ->
            centre.pushPrinted(
                new UpstreamRegistry.PrintedStatus(
                    push.nik(),
                    OffsetDateTime.ofInstant(push.printedAt(), java.time.ZoneOffset.UTC),
                    push.cardUid(),
                    push.officeCode(),
                    push.key()));
        case HANDED_OVER ->
            centre.pushHandedOver(
                new UpstreamRegistry.HandedOverStatus(
                    push.nik(),
                    OffsetDateTime.ofInstant(
                        push.handedAt().orElse(push.printedAt()), java.time.ZoneOffset.UTC),
                    push.cardUid(),
                    push.officeCode(),
                    push.key()));
      };
    } catch (RuntimeException e) {
      // an adapter bug must not wedge the queue: the push waits and is tried again
      log.warn("Status push {} failed in the adapter", push, e);
      return new UpstreamRegistry.Unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private PushResult result(PendingPush push, UpstreamRegistry.Push answer, Instant now) {
    if (answer instanceof UpstreamRegistry.Accepted a) {
      return new PushResult.Sent(a.answer());
    }
    if (answer instanceof UpstreamRegistry.Unavailable u) {
      return new PushResult.RetryLater(u.reason(), now.plus(backoff.after(push.attempt())));
    }
    if (answer instanceof UpstreamRegistry.Rejected r) {
      return new PushResult.Stuck("refused: " + r.reason());
    }
    UpstreamRegistry.Unsupported u = (UpstreamRegistry.Unsupported) answer;
    return new PushResult.Stuck("not taken: " + u.reason());
  }

  /** Queues the handover of a request's card for the centre, in the caller's transaction. */
  public void handedOver(long requestId, Instant handedAt) {
    queue.queueHandover(requestId, handedAt);
  }

  /** The office's pushes not sent yet, stuck ones first. */
  public List<QueuedPush> backlog(long officeId, User by) {
    access.require(by, Permission.SEE_CONSOLIDATION, officeId);
    return queue.backlog(officeId, 200);
  }

  public ConsolidationQueue.Backlog counts(long officeId, User by) {
    access.require(by, Permission.SEE_CONSOLIDATION, officeId);
    return queue.counts(officeId);
  }

  /** A NIK's consolidation history in the office: printed when, pushed when, answers, retries. */
  public List<QueuedPush> history(long officeId, String nik, User by) {
    access.require(by, Permission.SEE_CONSOLIDATION, officeId);
    if (nik == null || !nik.strip().matches("\\d{16}")) {
      throw new DomainException(AllocationError.INVALID_NIK, "A NIK is 16 digits");
    }
    List<QueuedPush> history = queue.history(officeId, nik.strip());
    audit.record(
        officeId, by.username(), "CONSOLIDATION_LOOKUP", "NIK " + Masking.nik(nik.strip()), "");
    return history;
  }

  /** When the centre accepted the request's printed status, if it has. */
  public Optional<Instant> printedStatusSent(long requestId) {
    return queue.printedStatusSent(requestId);
  }

  /**
   * What one run did.
   *
   * @param stoppedBy why it stopped before the backlog was empty (the centre unavailable)
   */
  public record PushRun(int sent, int stuck, Optional<String> stoppedBy) {}
}
