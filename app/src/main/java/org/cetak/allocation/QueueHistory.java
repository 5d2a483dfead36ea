package org.cetak.allocation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue by tier over time: a scheduled job counts each office's queue by tier ({@link
 * AllocationService#queueByTier}) and keeps the counts, since the tier of a waiting request is
 * decided by the policy of the day and nothing else remembers it.
 */
public final class QueueHistory {

  private static final Logger log = LoggerFactory.getLogger(QueueHistory.class);

  /** Where the counts are kept. */
  public interface Store {
    void add(long officeId, Instant takenAt, List<AllocationStore.TierCount> tiers);

    /** The counts taken since {@code from}, oldest first. */
    List<Point> since(long officeId, Instant from);
  }

  /** One tier's count at one time. */
  public record Point(Instant takenAt, int tier, long waiting, long holding) {}

  private final AllocationService allocation;
  private final OfficeDirectory offices;
  private final Store store;
  private final Clock clock;

  public QueueHistory(
      AllocationService allocation, OfficeDirectory offices, Store store, Clock clock) {
    this.allocation = allocation;
    this.offices = offices;
    this.store = store;
    this.clock = clock;
  }

  /** Counts every office's queue now and keeps the counts. */
  public void takeAll() {
    Instant now = clock.instant();
    for (Office office : offices.offices()) {
      try {
        take(office.id(), now);
      } catch (RuntimeException e) {
        log.warn("Queue counts of office {} not taken", office.code(), e);
      }
    }
  }

  /** Counts one office's queue at {@code at} and keeps the counts. */
  public void take(long officeId, Instant at) {
    store.add(
        officeId,
        at,
        allocation.queueByTier(officeId).stream()
            .map(t -> new AllocationStore.TierCount(t.tier(), t.waiting(), t.holding()))
            .toList());
  }

  public List<Point> since(long officeId, Instant from) {
    return store.since(officeId, from);
  }
}
