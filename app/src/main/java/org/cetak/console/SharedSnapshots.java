package org.cetak.console;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.cetak.console.Dashboard.Snapshot;
import org.cetak.office.Office;
import org.cetak.office.Permission;

/**
 * The dashboard's snapshots shared for a moment between the readers of the same office with the
 * same permissions there: many consoles open on one office read its figures once every {@code
 * maxAge} at most instead of once a view. A snapshot is kept by office and by the exact set of
 * permissions it was read for, so no reader sees another office's figures or a part their
 * permissions do not show; the page states the time it was read ({@link Snapshot#at()}). A zero
 * {@code maxAge} reads at every view.
 */
public final class SharedSnapshots {

  /** What reads an office for a set of permissions: {@link Dashboard#snapshot}. */
  public interface Reader {
    Snapshot read(Office office, Set<Permission> may);
  }

  private record Key(long officeId, Set<Permission> may) {}

  private record Kept(Snapshot snapshot, long readAt) {}

  private final Reader reader;
  private final long maxAgeNanos;
  private final LongSupplier nanos;
  private final Map<Key, Kept> kept = new ConcurrentHashMap<>();
  private final Map<Key, Object> reading = new ConcurrentHashMap<>();

  /**
   * @param nanos a monotonic clock in nanoseconds ({@code System::nanoTime}): the age of a snapshot
   *     does not depend on the office's clock
   */
  public SharedSnapshots(Reader reader, Duration maxAge, LongSupplier nanos) {
    this.reader = reader;
    this.maxAgeNanos = maxAge.toNanos();
    this.nanos = nanos;
  }

  /** The office's snapshot for these permissions, read now or at most {@code maxAge} ago. */
  public Snapshot snapshot(Office office, Set<Permission> may) {
    if (maxAgeNanos <= 0) {
      return reader.read(office, may);
    }
    Key key = new Key(office.id(), Set.copyOf(may));
    Kept fresh = fresh(key);
    if (fresh != null) {
      return fresh.snapshot();
    }
    // one reader reads; the others of the same office and permissions wait for its snapshot
    synchronized (reading.computeIfAbsent(key, k -> new Object())) {
      fresh = fresh(key);
      if (fresh != null) {
        return fresh.snapshot();
      }
      long readAt = nanos.getAsLong();
      Snapshot read = reader.read(office, may);
      kept.values().removeIf(k -> nanos.getAsLong() - k.readAt() > maxAgeNanos);
      kept.put(key, new Kept(read, readAt));
      return read;
    }
  }

  /** Reads the office afresh for these permissions and keeps what was read for the others. */
  public Snapshot fresh(Office office, Set<Permission> may) {
    long readAt = nanos.getAsLong();
    Snapshot read = reader.read(office, may);
    if (maxAgeNanos > 0) {
      kept.put(new Key(office.id(), Set.copyOf(may)), new Kept(read, readAt));
    }
    return read;
  }

  private Kept fresh(Key key) {
    Kept k = kept.get(key);
    return k != null && nanos.getAsLong() - k.readAt() <= maxAgeNanos ? k : null;
  }
}
