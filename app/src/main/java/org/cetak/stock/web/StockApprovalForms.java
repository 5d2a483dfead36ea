package org.cetak.stock.web;

import java.util.Locale;
import org.cetak.approval.Approval;
import org.cetak.approval.ApprovalError;
import org.cetak.approval.Approvals;
import org.cetak.common.DomainException;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.platform.Problems;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The stock page's second-person decision on what needs two: approve or reject. */
@Controller
public class StockApprovalForms {

  private final Approvals approvals;
  private final StockForm forms;
  private final CurrentUser currentUser;
  private final Problems problems;

  public StockApprovalForms(
      Approvals approvals, StockForm forms, CurrentUser currentUser, Problems problems) {
    this.approvals = approvals;
    this.forms = forms;
    this.currentUser = currentUser;
    this.problems = problems;
  }

  @PostMapping("/stock/approvals/{id}/approve")
  @Allow(Permission.DECIDE_APPROVAL)
  String approve(
      Office office,
      @PathVariable("id") long id,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    return forms.act(
        office,
        "approval",
        form,
        locale,
        redirect,
        () -> {
          Approval decided =
              approvals.approve(
                  inOffice(office, id), currentUser.get(), FormFields.text(form, "note"));
          return problems.message("stockpage.done.approved", locale, decided.id());
        });
  }

  @PostMapping("/stock/approvals/{id}/reject")
  @Allow(Permission.DECIDE_APPROVAL)
  String reject(
      Office office,
      @PathVariable("id") long id,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    return forms.act(
        office,
        "approval",
        form,
        locale,
        redirect,
        () -> {
          Approval decided =
              approvals.reject(
                  inOffice(office, id), currentUser.get(), FormFields.text(form, "note"));
          return problems.message("stockpage.done.rejected", locale, decided.id());
        });
  }

  private long inOffice(Office office, long id) {
    return approvals
        .byId(id)
        .filter(a -> a.officeId() == office.id())
        .map(Approval::id)
        .orElseThrow(
            () ->
                new DomainException(
                    ApprovalError.UNKNOWN_APPROVAL,
                    "No approval " + id + " in office " + office.code()));
  }
}
