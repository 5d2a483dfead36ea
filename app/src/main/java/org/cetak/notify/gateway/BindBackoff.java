package org.cetak.notify.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.cetak.common.Backoff;
import org.cetak.notify.SmsGateway;

/**
 * When a gateway that failed to connect is tried again: after the first failure {@code first}
 * later, the wait doubling with each further failure up to {@code max}; a success starts over.
 */
final class BindBackoff {

  private final Clock clock;
  private final Backoff backoff;
  private int failures;
  private Instant since;
  private Instant nextTry;
  private String reason;

  BindBackoff(Clock clock, Duration first, Duration max) {
    this.clock = clock;
    this.backoff = new Backoff(first, max);
  }

  /** Whether a try may be made now. */
  synchronized boolean due() {
    return nextTry == null || !clock.instant().isBefore(nextTry);
  }

  synchronized void failed(String why) {
    Instant now = clock.instant();
    if (failures == 0) {
      since = now;
    }
    failures++;
    reason = why;
    nextTry = now.plus(backoff.after(failures));
  }

  synchronized void succeeded() {
    failures = 0;
    since = null;
    nextTry = null;
    reason = null;
  }

  synchronized Optional<SmsGateway.Unreachable> unreachable() {
    return failures == 0
        ? Optional.empty()
        : Optional.of(new SmsGateway.Unreachable(reason, since, failures, nextTry));
  }
}
