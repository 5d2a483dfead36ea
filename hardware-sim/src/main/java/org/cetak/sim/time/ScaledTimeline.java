package org.cetak.sim.time;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Real time, scaled: a nominal duration costs {@code nominal × scale} of real time, and the
 * simulated clock runs {@code 1 / scale} times as fast as the real one.
 */
public final class ScaledTimeline implements Timeline {

  private final double scale;
  private final Instant start;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;
  private final long origin;

  public ScaledTimeline(double scale, Instant start, Sleeper sleeper) {
    this(scale, start, sleeper, System::nanoTime);
  }

  /** With an injected monotonic clock (nanoseconds), for tests. */
  public ScaledTimeline(double scale, Instant start, Sleeper sleeper, LongSupplier nanoTime) {
    if (!(scale > 0)) {
      throw new IllegalArgumentException("scale must be > 0 for a scaled timeline, was " + scale);
    }
    this.scale = scale;
    this.start = start;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
    this.origin = nanoTime.getAsLong();
  }

  @Override
  public Instant now() {
    long real = nanoTime.getAsLong() - origin;
    return start.plusNanos((long) (real / scale));
  }

  @Override
  public void pass(Duration nominal) throws InterruptedException {
    sleeper.sleep(realFor(nominal));
  }

  @Override
  public Duration realFor(Duration nominal) {
    return Duration.ofNanos((long) (nominal.toNanos() * scale));
  }

  @Override
  public double scale() {
    return scale;
  }
}
