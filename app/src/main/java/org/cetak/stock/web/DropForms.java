package org.cetak.stock.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cetak.approval.Approval;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.platform.Problems;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.DropRequest;
import org.cetak.stock.DropReversals;
import org.cetak.stock.SerialRange;
import org.cetak.stock.StockError;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The stock page's forms of a drop: the drop received (with its serial ranges), and the proposal to
 * reverse a mistaken one, which a second person decides.
 */
@Controller
public class DropForms {

  private final DropReceipts receipts;
  private final DropReversals reversals;
  private final StockForm forms;
  private final CurrentUser currentUser;
  private final Problems problems;

  public DropForms(
      DropReceipts receipts,
      DropReversals reversals,
      StockForm forms,
      CurrentUser currentUser,
      Problems problems) {
    this.receipts = receipts;
    this.reversals = reversals;
    this.forms = forms;
    this.currentUser = currentUser;
    this.problems = problems;
  }

  @PostMapping("/stock/drops")
  @Allow(Permission.RECEIVE_DROP)
  String drop(
      Office office,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    return forms.act(
        office,
        "drop",
        form,
        locale,
        redirect,
        () -> {
          List<SerialRange> serials = new ArrayList<>();
          List<String> firsts = form.getOrDefault("serialFirst", List.of());
          List<String> lasts = form.getOrDefault("serialLast", List.of());
          for (int i = 0; i < Math.max(firsts.size(), lasts.size()); i++) {
            String first = i < firsts.size() ? firsts.get(i).strip() : "";
            String last = i < lasts.size() ? lasts.get(i).strip() : "";
            if (!first.isEmpty() || !last.isEmpty()) {
              serials.add(SerialRange.parse(first, last));
            }
          }
          var drop =
              receipts.receive(
                  office.id(),
                  new DropRequest(
                      FormFields.text(form, "documentNo"),
                      FormFields.date(
                          form,
                          "documentDate",
                          "stockpage.documentDate",
                          StockError.DOCUMENT_DATE_REQUIRED),
                      FormFields.quantity(form),
                      serials),
                  currentUser.get());
          return problems.message(
              "stockpage.done.drop", locale, drop.documentNo(), drop.quantity());
        });
  }

  @PostMapping("/stock/drops/{dropId}/reversal")
  @Allow(Permission.RECEIVE_DROP)
  String reverseDrop(
      Office office,
      @PathVariable("dropId") long dropId,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    return forms.act(
        office,
        "reversal",
        form,
        locale,
        redirect,
        () -> {
          Approval approval =
              reversals.propose(
                  office.id(), dropId, FormFields.text(form, "reason"), currentUser.get());
          return problems.message("stockpage.done.proposed", locale, approval.id());
        });
  }
}
