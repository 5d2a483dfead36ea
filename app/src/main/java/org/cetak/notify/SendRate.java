package org.cetak.notify;

import java.time.Instant;
import java.util.List;

/**
 * How many SMS the whole installation may send: {@code cetak.sms.per-minute} tokens shared by every
 * node; a token spent comes back a minute later, so no minute ever sees more. Both calls run in the
 * caller's transaction, the one that claims the notices the tokens are spent on.
 */
public interface SendRate {

  /** Up to {@code max} tokens free at {@code now}, held until the transaction ends. */
  List<Integer> free(Instant now, int max);

  /** Spends these tokens (of those {@link #free} gave) at {@code now}. */
  void spend(List<Integer> tokens, Instant now);
}
