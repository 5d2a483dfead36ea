package org.cetak.stock.web;

import java.util.List;
import org.cetak.stock.Balance;
import org.cetak.stock.Lending;
import org.cetak.stock.Loan;
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

  /**
   * A loan of blanks with what of it is still out and each of its returns.
   *
   * @param direction {@code LENT} or {@code BORROWED}, seen from the office
   * @param counterpartOffice the other office's region code when it belongs to this installation
   */
  public record LoanView(
      long id,
      String direction,
      String counterpartOffice,
      String counterpartName,
      String documentNo,
      int quantity,
      int returned,
      int outstanding,
      String recordedBy,
      String recordedAt,
      List<ReturnView> returns) {}

  /** One return of a loan: its document, how many came back, who recorded it and when. */
  public record ReturnView(String documentNo, int quantity, String returnedBy, String returnedAt) {}

  static LoanView view(Lending.LoanWithReturns l, String counterpartOffice) {
    Loan loan = l.loan();
    return new LoanView(
        loan.id(),
        loan.direction().name(),
        counterpartOffice,
        loan.counterpartName(),
        loan.documentNo(),
        loan.quantity(),
        loan.returned(),
        loan.outstanding(),
        loan.recordedBy(),
        loan.recordedAt().toString(),
        l.returns().stream()
            .map(
                r ->
                    new ReturnView(
                        r.documentNo(), r.quantity(), r.returnedBy(), r.returnedAt().toString()))
            .toList());
  }

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
