package org.cetak.statuscheck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * At most {@code limit} lookups per key in any {@code window} (a sliding window), kept in memory on
 * this node. A lookup names several keys (the client's address and the NIK); it is allowed only
 * when every key has room, and then counts against each.
 */
public final class LookupLimiter {

  private static final int SWEEP_ABOVE = 10_000;

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> seen = new HashMap<>();

  public LookupLimiter(int limit, Duration window, Clock clock) {
    if (limit < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a limiter needs limit >= 1 and a positive window");
    }
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /** Counts a lookup against every key when each has room; false, counting nothing, otherwise. */
  public synchronized boolean tryAcquire(List<String> keys) {
    Instant now = clock.instant();
    Instant since = now.minus(window);
    if (seen.size() > SWEEP_ABOVE) {
      sweep(since);
    }
    for (String key : keys) {
      Deque<Instant> times = seen.get(key);
      if (times != null) {
        drop(times, since);
        if (times.size() >= limit) {
          return false;
        }
      }
    }
    for (String key : keys) {
      seen.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
    }
    return true;
  }

  private static void drop(Deque<Instant> times, Instant since) {
    while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
      times.removeFirst();
    }
  }

  private void sweep(Instant since) {
    for (Iterator<Deque<Instant>> it = seen.values().iterator(); it.hasNext(); ) {
      Deque<Instant> times = it.next();
      drop(times, since);
      if (times.isEmpty()) {
        it.remove();
      }
    }
  }
}
