package org.cetak.stock.web;

import org.cetak.stock.Balance;
import org.cetak.stock.RecordedMovement;

/** How the stock API shows balances and movements. */
final class StockViews {

  private StockViews() {}

  /** One balance: an item at a place. */
  public record BalanceView(String item, String location, String printer, long quantity) {}

  /** One movement of the ledger. */
  public record MovementView(
      long id,
      String occurredAt,
      String item,
      String from,
      String to,
      int quantity,
      String reason,
      String actor,
      String referenceKind,
      long referenceId,
      String chipUid,
      String serialFirst,
      String serialLast,
      Long requestId,
      String note) {}

  static BalanceView view(Balance b) {
    return new BalanceView(
        b.item().name(),
        b.place().location().name(),
        b.place().printerId().map(String::valueOf).orElse(null),
        b.quantity());
  }

  static MovementView view(RecordedMovement r) {
    var m = r.movement();
    return new MovementView(
        r.id(),
        r.occurredAt().toString(),
        m.item().name(),
        m.from().toString(),
        m.to().toString(),
        m.quantity(),
        m.reason(),
        m.actor(),
        m.referenceKind().name(),
        m.referenceId(),
        m.detail().chipUid().orElse(null),
        m.detail().serialFirst().orElse(null),
        m.detail().serialLast().orElse(null),
        m.detail().requestId().orElse(null),
        m.detail().note());
  }
}
