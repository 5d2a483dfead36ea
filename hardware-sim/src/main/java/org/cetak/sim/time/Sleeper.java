package org.cetak.sim.time;

import java.time.Duration;

/** Waits real time. Injected so tests can count waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps for {@code duration} of real time; returns at once for zero or negative durations. */
  void sleep(Duration duration) throws InterruptedException;

  /** The sleeper that calls {@link Thread#sleep}. */
  static Sleeper real() {
    return d -> {
      if (!d.isNegative() && !d.isZero()) {
        long nanos = d.toNanos();
        Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
      }
    };
  }
}
