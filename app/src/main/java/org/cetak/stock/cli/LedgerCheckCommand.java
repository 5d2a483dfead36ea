package org.cetak.stock.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.stock.LedgerCheck;
import org.cetak.stock.Reconciliation;
import org.cetak.stock.StockLevels;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cetak ledger-check}: proves the maintained balances equal the ledger's sums and that every
 * office's reconciliation closes; exit code 1 when not.
 */
@Component
@Command(
    name = "ledger-check",
    description = {
      "Memeriksa bahwa saldo stok sama dengan buku besar dan setiap rekonsiliasi seimbang.",
      "Check that stock balances equal the ledger and every reconciliation closes."
    })
public class LedgerCheckCommand implements Callable<Integer> {

  private final LedgerCheck check;
  private final StockLevels levels;
  private final OfficeDirectory offices;

  @Spec CommandSpec spec;

  public LedgerCheckCommand(LedgerCheck check, StockLevels levels, OfficeDirectory offices) {
    this.check = check;
    this.levels = levels;
    this.offices = offices;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LedgerCheck.Result result = check.run();
    out.printf("places checked: %d%n", result.placesChecked());
    result.differences().forEach(d -> out.printf("DIFFERENCE %s%n", d));
    boolean closes = true;
    for (Office office : offices.offices()) {
      Reconciliation r = levels.reconciliation(office.id());
      out.printf(
          "office %-10s received+borrowed %d = accounted %d %s; old cards %d = %d + %d %s%n",
          office.code(),
          r.sources(),
          r.accountedFor(),
          r.blanksBalance() ? "OK" : "MISMATCH",
          r.oldCardsWithdrawn(),
          r.oldCardsAwaitingDestruction(),
          r.oldCardsDestroyed(),
          r.oldCardsBalance() ? "OK" : "MISMATCH");
      closes &= r.closes();
    }
    boolean ok = result.ok() && closes;
    out.println(ok ? "ledger OK" : "ledger NOT OK");
    out.flush();
    return ok ? 0 : 1;
  }
}
