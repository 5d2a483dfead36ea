package org.cetak.printing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A printer model's thermal duty cycle: at most {@code maxCards} cards started in any {@code
 * window}; then the printer rests until the oldest card of the window falls out of it. Desktop
 * printers laminate at 160-170 °C and melt cards when driven flat out.
 */
public final class DutyCycle {

  private final int maxCards;
  private final Duration window;
  private final Clock clock;
  private final Deque<Instant> started = new ArrayDeque<>();

  public DutyCycle(int maxCards, Duration window, Clock clock) {
    if (maxCards <= 0 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("A duty cycle needs a positive card count and window");
    }
    this.maxCards = maxCards;
    this.window = window;
    this.clock = clock;
  }

  /** No cap. */
  public static Optional<DutyCycle> none() {
    return Optional.empty();
  }

  /** How long the printer must rest before the next card; zero when it may start now. */
  public synchronized Duration restNeeded() {
    Instant now = clock.instant();
    while (!started.isEmpty() && !started.peekFirst().isAfter(now.minus(window))) {
      started.removeFirst();
    }
    if (started.size() < maxCards) {
      return Duration.ZERO;
    }
    return Duration.between(now, started.peekFirst().plus(window));
  }

  /** A card was started now. */
  public synchronized void cardStarted() {
    started.addLast(clock.instant());
  }

  @Override
  public String toString() {
    return maxCards + " cards per " + window;
  }
}
