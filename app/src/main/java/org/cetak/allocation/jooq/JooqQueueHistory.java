package org.cetak.allocation.jooq;

import static org.cetak.db.jooq.Tables.QUEUE_TIER_SNAPSHOT;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.cetak.allocation.AllocationStore;
import org.cetak.allocation.QueueHistory;
import org.jooq.DSLContext;

/** The queue's counts by tier in {@code queue_tier_snapshot}. */
public final class JooqQueueHistory implements QueueHistory.Store {

  private final DSLContext db;

  public JooqQueueHistory(DSLContext db) {
    this.db = db;
  }

  @Override
  public void add(long officeId, Instant takenAt, List<AllocationStore.TierCount> tiers) {
    var at = takenAt.atOffset(ZoneOffset.UTC);
    for (AllocationStore.TierCount t : tiers) {
      db.insertInto(QUEUE_TIER_SNAPSHOT)
          .set(QUEUE_TIER_SNAPSHOT.OFFICE_ID, officeId)
          .set(QUEUE_TIER_SNAPSHOT.TAKEN_AT, at)
          .set(QUEUE_TIER_SNAPSHOT.TIER, t.tier())
          .set(QUEUE_TIER_SNAPSHOT.WAITING, t.waiting())
          .set(QUEUE_TIER_SNAPSHOT.HOLDING, t.holding())
          .onConflictDoNothing()
          .execute();
    }
  }

  @Override
  public List<QueueHistory.Point> since(long officeId, Instant from) {
    return db.selectFrom(QUEUE_TIER_SNAPSHOT)
        .where(QUEUE_TIER_SNAPSHOT.OFFICE_ID.eq(officeId))
        .and(QUEUE_TIER_SNAPSHOT.TAKEN_AT.ge(from.atOffset(ZoneOffset.UTC)))
        .orderBy(QUEUE_TIER_SNAPSHOT.TAKEN_AT, QUEUE_TIER_SNAPSHOT.TIER)
        .fetch(
            r ->
                new QueueHistory.Point(
                    r.getTakenAt().toInstant(), r.getTier(), r.getWaiting(), r.getHolding()));
  }
}
