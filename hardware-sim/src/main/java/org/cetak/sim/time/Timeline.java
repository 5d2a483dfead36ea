package org.cetak.sim.time;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulator's sense of time. Physical actions take a <em>nominal</em> (field) duration; the
 * timeline decides how much real time that costs: all of it, a scaled part, or none (zero-delay
 * mode, where the simulated clock jumps forward instead). Head cooling, outages and operator
 * response are measured on {@link #now()}, so they behave the same at every speed.
 */
public interface Timeline {

  /** The simulated instant. */
  Instant now();

  /**
   * Lets {@code nominal} field time pass: sleeps its scaled real equivalent, or (zero-delay)
   * advances the simulated clock at once.
   */
  void pass(Duration nominal) throws InterruptedException;

  /** Real time one nominal duration costs; zero in zero-delay mode. */
  Duration realFor(Duration nominal);

  /** Time scale: real seconds per simulated second; 0 means zero-delay. */
  double scale();

  /**
   * A timeline for a time scale. {@code scale} 1.0 is real time, 0.01 runs a hundred times faster,
   * 0 is zero-delay.
   */
  static Timeline of(double scale, Instant start) {
    if (scale < 0 || Double.isNaN(scale) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("time scale must be >= 0, was " + scale);
    }
    return scale == 0
        ? new VirtualTimeline(start)
        : new ScaledTimeline(scale, start, Sleeper.real());
  }
}
