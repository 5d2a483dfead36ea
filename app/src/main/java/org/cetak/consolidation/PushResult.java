package org.cetak.consolidation;

import java.time.Instant;

/** What came of one push attempt, as the status outbox records it. */
public sealed interface PushResult {

  /** The centre accepted it; {@code answer} is its reference. */
  record Sent(String answer) implements PushResult {}

  /** The centre was down or slow: try again at {@code at}. */
  record RetryLater(String reason, Instant at) implements PushResult {}

  /**
   * The centre refused it or takes no such push: it waits for an officer's "push now" and holds
   * back the request's later pushes.
   */
  record Stuck(String reason) implements PushResult {}
}
