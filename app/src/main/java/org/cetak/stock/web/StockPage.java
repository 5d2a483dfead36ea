package org.cetak.stock.web;

import java.util.List;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.security.CurrentUser;
import org.cetak.stock.Ledger;
import org.cetak.stock.Printer;
import org.cetak.stock.Printers;
import org.cetak.stock.Reconciliation;
import org.cetak.stock.StockLevels;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's read-only stock page: balances and the reconciliation of one office. */
@Controller
public class StockPage {

  private final OfficeDirectory offices;
  private final CurrentUser currentUser;
  private final StockLevels levels;
  private final Ledger ledger;
  private final Printers printers;

  public StockPage(
      OfficeDirectory offices,
      CurrentUser currentUser,
      StockLevels levels,
      Ledger ledger,
      Printers printers) {
    this.offices = offices;
    this.currentUser = currentUser;
    this.levels = levels;
    this.ledger = ledger;
    this.printers = printers;
  }

  /** One printer's slots. */
  public record PrinterRow(String code, String name, long feeder, long inside, long unknown) {}

  @GetMapping("/stock")
  String stock(@RequestParam(required = false) Long office, Model model) {
    User user = currentUser.get();
    long officeId = office == null ? user.officeId() : office;
    Office shown =
        offices.office(officeId).orElseGet(() -> offices.office(user.officeId()).orElseThrow());
    Reconciliation r = levels.reconciliation(shown.id());
    List<PrinterRow> rows =
        printers.list(shown.id()).stream().map(p -> row(shown.id(), p)).toList();
    model.addAttribute("office", shown);
    model.addAttribute("offices", offices.offices());
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
