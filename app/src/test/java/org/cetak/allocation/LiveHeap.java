package org.cetak.allocation;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap an import keeps alive, as opposed to what the collector has not yet taken back: every
 * ten seconds a full collection, then the heap in use. Its largest value is what the import needs,
 * whatever the heap's size; each collection costs the import a few tens of milliseconds.
 */
final class LiveHeap {

  private static final long EVERY_SECONDS = 10;

  private final AtomicLong peak = new AtomicLong();
  private final ScheduledExecutorService sampler;
  private final ScheduledFuture<?> sampling;

  private LiveHeap() {
    sampler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "live-heap");
              thread.setDaemon(true);
              return thread;
            });
    sampling =
        sampler.scheduleWithFixedDelay(
            () -> peak.accumulateAndGet(usedAfterCollection(), Math::max),
            EVERY_SECONDS,
            EVERY_SECONDS,
            TimeUnit.SECONDS);
  }

  /** Starts sampling. */
  static LiveHeap watch() {
    return new LiveHeap();
  }

  /** The heap in use right after a full collection, in bytes. */
  static long usedAfterCollection() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Stops sampling; the largest heap in use after a collection so far, in bytes. */
  long peak() {
    sampling.cancel(false);
    sampler.shutdownNow();
    return peak.accumulateAndGet(usedAfterCollection(), Math::max);
  }
}
