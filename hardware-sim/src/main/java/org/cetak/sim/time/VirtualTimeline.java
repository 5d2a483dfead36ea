package org.cetak.sim.time;

import java.time.Duration;
import java.time.Instant;

/**
 * Zero-delay time: nothing sleeps, and the simulated clock moves forward by exactly the nominal
 * time of each action (and by {@link #advance}). Deterministic, so tests and benches use it.
 */
public final class VirtualTimeline implements Timeline {

  private final Instant start;
  private long elapsedNanos;

  public VirtualTimeline(Instant start) {
    this.start = start;
  }

  @Override
  public synchronized Instant now() {
    return start.plusNanos(elapsedNanos);
  }

  @Override
  public void pass(Duration nominal) {
    advance(nominal);
  }

  /** Moves the simulated clock forward (a test's way of letting a head cool or an outage end). */
  public synchronized void advance(Duration d) {
    if (!d.isNegative()) {
      elapsedNanos += d.toNanos();
    }
  }

  @Override
  public Duration realFor(Duration nominal) {
    return Duration.ZERO;
  }

  @Override
  public double scale() {
    return 0;
  }
}
