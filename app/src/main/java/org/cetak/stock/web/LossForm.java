package org.cetak.stock.web;

import java.util.Locale;
import java.util.Optional;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.platform.Problems;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.cetak.stock.LossReports;
import org.cetak.stock.Losses;
import org.cetak.stock.StockError;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The stock page's loss form: blanks gone missing, reported for a second person to approve. */
@Controller
public class LossForm {

  private final Losses losses;
  private final StockForm forms;
  private final CurrentUser currentUser;
  private final Problems problems;

  public LossForm(Losses losses, StockForm forms, CurrentUser currentUser, Problems problems) {
    this.losses = losses;
    this.forms = forms;
    this.currentUser = currentUser;
    this.problems = problems;
  }

  @PostMapping("/stock/loss-reports")
  @Allow(Permission.REPORT_LOSS)
  String loss(
      Office office,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    return forms.act(
        office,
        "loss",
        form,
        locale,
        redirect,
        () -> {
          var report =
              losses.propose(
                  office.id(),
                  new LossReports.Proposal(
                      FormFields.date(form, "date", "stockpage.date", StockError.DATE_REQUIRED),
                      forms.place(office, form),
                      FormFields.quantity(form),
                      FormFields.text(form, "circumstances"),
                      FormFields.optional(form, "chipUid"),
                      FormFields.optional(form, "serial"),
                      Optional.empty()),
                  currentUser.get());
          return problems.message("stockpage.done.loss", locale, report.number());
        });
  }
}
