package org.cetak.stock.web;

import java.util.List;
import org.cetak.office.Access;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.cetak.stock.Ledger;
import org.cetak.stock.Printer;
import org.cetak.stock.Printers;
import org.cetak.stock.Reconciliation;
import org.cetak.stock.StockLevels;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's read-only stock page: balances and the reconciliation of one office. */
@Controller
public class StockPage {

  private final Access access;
  private final CurrentUser currentUser;
  private final StockLevels levels;
  private final Ledger ledger;
  private final Printers printers;

  public StockPage(
      Access access,
      CurrentUser currentUser,
      StockLevels levels,
      Ledger ledger,
      Printers printers) {
    this.access = access;
    this.currentUser = currentUser;
    this.levels = levels;
    this.ledger = ledger;
    this.printers = printers;
  }

  /** One printer's slots. */
  public record PrinterRow(String code, String name, long feeder, long inside, long unknown) {}

  /** The office named by {@code ?office=32.71}, or the user's own; another is refused. */
  @GetMapping("/stock")
  @Allow(Permission.SEE_STOCK)
  String stock(Office shown, Model model) {
    User user = currentUser.get();
    Reconciliation r = levels.reconciliation(shown.id());
    List<PrinterRow> rows =
        printers.list(shown.id()).stream().map(p -> row(shown.id(), p)).toList();
    model.addAttribute("office", shown);
    model.addAttribute(
        "offices",
        access.visible(user).stream()
            .filter(o -> access.allows(user, Permission.SEE_STOCK, o.id()))
            .toList());
    model.addAttribute("rec", r);
    model.addAttribute("printers", rows);
    model.addAttribute("available", levels.available(shown.id()));
    model.addAttribute("reserved", levels.reserved(shown.id()));
    model.addAttribute("usable", levels.usable(shown.id()));
    model.addAttribute("threshold", levels.reorderThreshold());
    model.addAttribute("alert", levels.usable(shown.id()) < levels.reorderThreshold());
    model.addAttribute("movements", ledger.recent(shown.id(), 20));
    return "stock";
  }

  private PrinterRow row(long officeId, Printer p) {
    long feeder = 0;
    long inside = 0;
    long unknown = 0;
    for (var b : ledger.balances(officeId)) {
      if (b.place().printerId().filter(id -> id == p.id()).isEmpty()
          || b.item() != org.cetak.stock.Item.BLANK) {
        continue;
      }
      switch (b.place().location()) {
        case FEEDER -> feeder = b.quantity();
        case INSIDE_PRINTER -> inside = b.quantity();
        case UNKNOWN -> unknown = b.quantity();
        default -> {}
      }
    }
    return new PrinterRow(p.code(), p.name(), feeder, inside, unknown);
  }
}
