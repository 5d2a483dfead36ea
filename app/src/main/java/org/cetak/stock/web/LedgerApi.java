package org.cetak.stock.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.cetak.common.DomainException;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.platform.Refuses;
import org.cetak.security.Allow;
import org.cetak.stock.Ledger;
import org.cetak.stock.LedgerCheck;
import org.cetak.stock.Reconciliation;
import org.cetak.stock.StockError;
import org.cetak.stock.StockLevels;
import org.cetak.stock.web.StockViews.BalanceView;
import org.cetak.stock.web.StockViews.MovementView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading an office's stock ledger: balances, the reconciliation, movements; the ledger check. */
@RestController
public class LedgerApi {

  private final StockLevels levels;
  private final Ledger ledger;
  private final LedgerCheck check;

  public LedgerApi(StockLevels levels, Ledger ledger, LedgerCheck check) {
    this.levels = levels;
    this.ledger = ledger;
    this.check = check;
  }

  /** Stock levels of an office and the reorder alert. */
  public record Levels(
      String office,
      long available,
      long reserved,
      long usable,
      long reorderThreshold,
      boolean reorderAlert,
      List<BalanceView> balances) {}

  /** Every balance of the office, with available, reserved and usable blanks. */
  @GetMapping("/api/offices/{office}/stock/balances")
  @Allow(Permission.SEE_STOCK)
  @Operation(summary = "The office's stock levels: available, reserved, usable, by place")
  @Refuses({})
  public Levels balances(Office office) {
    long officeId = office.id();
    List<BalanceView> views = ledger.balances(officeId).stream().map(StockViews::view).toList();
    long usable = levels.usable(officeId);
    return new Levels(
        office.code(),
        levels.available(officeId),
        levels.reserved(officeId),
        usable,
        levels.reorderThreshold(),
        usable < levels.reorderThreshold(),
        views);
  }

  /** The reconciliation: where every blank received or borrowed is now. */
  public record ReconciliationView(
      Reconciliation figures,
      long sources,
      long accountedFor,
      boolean blanksBalance,
      boolean oldCardsBalance) {}

  /** The office's reconciliation; {@code blanksBalance} is true when it closes. */
  @GetMapping("/api/offices/{office}/stock/reconciliation")
  @Allow(Permission.SEE_STOCK)
  @Operation(summary = "The reconciliation: received + borrowed = every place blanks can be")
  @Refuses({})
  public ReconciliationView reconciliation(Office office) {
    Reconciliation r = levels.reconciliation(office.id());
    return new ReconciliationView(
        r, r.sources(), r.accountedFor(), r.blanksBalance(), r.oldCardsBalance());
  }

  /** The office's latest movements, newest first ({@code limit} 1..10000, default 100). */
  @GetMapping("/api/offices/{office}/stock/movements")
  @Allow(Permission.SEE_STOCK)
  @Operation(summary = "The office's latest ledger movements")
  @Refuses({"INVALID_LIMIT"})
  public List<MovementView> movements(
      Office office, @RequestParam(name = "limit", defaultValue = "100") int limit) {
    if (limit <= 0 || limit > 10_000) {
      throw new DomainException(
          StockError.INVALID_LIMIT, "limit must be 1..10000, was " + limit, limit);
    }
    return ledger.recent(office.id(), limit).stream().map(StockViews::view).toList();
  }

  /** Proves every maintained balance of the installation equals the ledger's sums. */
  @GetMapping("/api/ledger-check")
  @Allow(Permission.CHECK_LEDGER)
  @Operation(summary = "The installation-wide proof that every balance equals its ledger")
  @Refuses({})
  public Map<String, Object> ledgerCheck() {
    LedgerCheck.Result result = check.run();
    return Map.of(
        "ok", result.ok(),
        "placesChecked", result.placesChecked(),
        "differences", result.differences());
  }
}
