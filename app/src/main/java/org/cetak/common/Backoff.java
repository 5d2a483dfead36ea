package org.cetak.common;

import java.time.Duration;

/**
 * How long to wait before the next attempt after an outage: doubling from {@code first} up to
 * {@code max}.
 */
public record Backoff(Duration first, Duration max) {

  public Backoff {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < first <= max");
    }
  }

  /** The wait after the {@code attempt}-th failed attempt (1 = the first). */
  public Duration after(int attempt) {
    Duration wait = first;
    for (int i = 1; i < attempt && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
