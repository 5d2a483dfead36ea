package org.cetak.stock;

import java.time.Instant;
import java.util.function.Supplier;
import org.cetak.support.MutableClock;

class InMemoryLedgerContractTest extends LedgerContract {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T01:00:00Z"));
  private final InMemoryLedger ledger = new InMemoryLedger(clock);

  @Override
  Ledger ledger() {
    return ledger;
  }

  @Override
  MutableClock clock() {
    return clock;
  }

  @Override
  long office() {
    return 1;
  }

  @Override
  long printer() {
    return 7;
  }

  @Override
  <T> T call(Supplier<T> work) {
    return work.get();
  }
}
