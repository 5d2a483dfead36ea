package org.cetak.stock.web;

import java.util.Locale;
import java.util.Optional;
import org.cetak.common.DomainException;
import org.cetak.common.Field;
import org.cetak.office.Access;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.platform.Problems;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.cetak.stock.Lending;
import org.cetak.stock.Loan;
import org.cetak.stock.LoanRequest;
import org.cetak.stock.LoanReturn;
import org.cetak.stock.StockError;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The stock page's loan form: blanks lent to or borrowed from another office. */
@Controller
public class LoanForm {

  private final Lending lending;
  private final Access access;
  private final StockForm forms;
  private final CurrentUser currentUser;
  private final Problems problems;

  public LoanForm(
      Lending lending, Access access, StockForm forms, CurrentUser currentUser, Problems problems) {
    this.lending = lending;
    this.access = access;
    this.forms = forms;
    this.currentUser = currentUser;
    this.problems = problems;
  }

  @PostMapping("/stock/loans")
  @Allow(Permission.LEND_OR_BORROW)
  String loan(
      Office office,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    return forms.act(
        office,
        "loan",
        form,
        locale,
        redirect,
        () -> {
          String counterpart = FormFields.text(form, "counterpartOffice");
          LoanRequest request =
              new LoanRequest(
                  counterpart.isEmpty()
                      ? Optional.empty()
                      : Optional.of(access.office(counterpart).id()),
                  FormFields.text(form, "counterpartName"),
                  FormFields.text(form, "documentNo"),
                  FormFields.quantity(form));
          String direction = FormFields.text(form, "direction");
          var loan =
              switch (direction) {
                case "LEND" -> lending.lend(office.id(), request, currentUser.get());
                case "BORROW" -> lending.borrow(office.id(), request, currentUser.get());
                default ->
                    throw new DomainException(
                        StockError.INVALID_DIRECTION,
                        "direction must be LEND or BORROW",
                        direction,
                        new Field("stockpage.direction.LEND"),
                        new Field("stockpage.direction.BORROW"));
              };
          return problems.message(
              "stockpage.done.loan." + loan.direction().name(),
              locale,
              loan.quantity(),
              loan.documentNo());
        });
  }

  /**
   * Blanks of a loan coming back (or going back to the lender), with the return's document, once
   * the inventory manager confirms they were counted and handed over.
   */
  @PostMapping("/stock/loans/{loanId}/return")
  @Allow(Permission.LEND_OR_BORROW)
  String giveBack(
      Office office,
      @PathVariable("loanId") long loanId,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    return forms.act(
        office,
        "loanReturn",
        form,
        locale,
        redirect,
        () -> {
          LoanReturn giving =
              new LoanReturn(FormFields.text(form, "documentNo"), FormFields.quantity(form));
          if (!"yes".equals(FormFields.text(form, "confirm"))) {
            throw new DomainException(
                StockError.RETURN_NOT_CONFIRMED, "Confirm the returned blanks were counted");
          }
          Loan loan = lending.giveBack(office.id(), loanId, giving, currentUser.get());
          return problems.message(
              "stockpage.done.loanReturn",
              locale,
              giving.quantity(),
              loan.documentNo(),
              giving.documentNo());
        });
  }
}
