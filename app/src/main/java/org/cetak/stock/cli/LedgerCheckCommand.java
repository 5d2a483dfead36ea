package org.cetak.stock.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.cetak.cli.CliText;
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
 * office's reconciliation closes, in the stock page's words ({@code stock.*}), Indonesian with
 * English beside it; exit code 1 when not.
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
  private final CliText text;

  @Spec CommandSpec spec;

  public LedgerCheckCommand(
      LedgerCheck check, StockLevels levels, OfficeDirectory offices, CliText text) {
    this.check = check;
    this.levels = levels;
    this.offices = offices;
    this.text = text;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LedgerCheck.Result result = check.run();
    out.println(text.labelled("cli.ledger.places", result.placesChecked()));
    result
        .differences()
        .forEach(d -> out.println("  " + text.labelled("cli.ledger.difference", d)));
    boolean closes = true;
    for (Office office : offices.offices()) {
      Reconciliation r = levels.reconciliation(office.id());
      out.println(
          text.both("cli.office") + " " + office.code() + ": " + text.both("stock.reconciliation"));
      out.println("  " + text.labelled("stock.sources", r.sources()));
      out.println(
          "  "
              + text.labelled("stock.accounted", r.accountedFor())
              + " — "
              + balance(r.blanksBalance()));
      out.println(
          "  "
              + text.both(
                  "stock.oldCards",
                  r.oldCardsWithdrawn(),
                  r.oldCardsAwaitingDestruction(),
                  r.oldCardsDestroyed())
              + " — "
              + balance(r.oldCardsBalance()));
      closes &= r.closes();
    }
    boolean ok = result.ok() && closes;
    out.println(text.both(ok ? "cli.ledger.ok" : "cli.ledger.notOk"));
    out.flush();
    return ok ? 0 : 1;
  }

  private String balance(boolean balances) {
    return text.both(balances ? "stock.closes" : "cli.ledger.notBalanced");
  }
}
