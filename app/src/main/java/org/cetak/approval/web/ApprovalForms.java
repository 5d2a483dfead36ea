package org.cetak.approval.web;

import java.util.Locale;
import org.cetak.approval.Approval;
import org.cetak.approval.ApprovalError;
import org.cetak.approval.Approvals;
import org.cetak.common.DomainException;
import org.cetak.common.ErrorCode;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's approve and reject buttons (on the home page and the printers page): a supervisor
 * other than the proposer decides, and the page says what came of it in the officer's language,
 * with what the proposal carried (a reprint's first card outcome).
 */
@Controller
public class ApprovalForms {

  private final Approvals approvals;
  private final CurrentUser currentUser;
  private final MessageSource messages;
  private final ApprovalWords words;

  public ApprovalForms(
      Approvals approvals, CurrentUser currentUser, MessageSource messages, ApprovalWords words) {
    this.approvals = approvals;
    this.currentUser = currentUser;
    this.messages = messages;
    this.words = words;
  }

  @PostMapping("/approvals/{id}/decide")
  @Allow(Permission.DECIDE_APPROVAL)
  String decide(
      Office office,
      @PathVariable("id") long id,
      @RequestParam(name = "decision", defaultValue = "") String decision,
      @RequestParam(name = "note", defaultValue = "") String note,
      @RequestParam(name = "back", defaultValue = "home") String back,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      Approval approval =
          approvals
              .byId(id)
              .filter(a -> a.officeId() == office.id())
              .orElseThrow(
                  () ->
                      new DomainException(
                          ApprovalError.UNKNOWN_APPROVAL,
                          "No approval " + id + " in office " + office.code(),
                          id));
      Approval decided =
          switch (decision) {
            case "approve" -> approvals.approve(approval.id(), currentUser.get(), note.strip());
            case "reject" -> approvals.reject(approval.id(), currentUser.get(), note.strip());
            default ->
                throw new DomainException(
                    ApprovalError.DECISION_REQUIRED,
                    "Approve or reject, not '" + decision + "'",
                    decision);
          };
      String done =
          messages.getMessage(
              "approvals.done." + decided.status(),
              new Object[] {kind(decided, locale), subject(decided, locale)},
              locale);
      String detail =
          decided.status() == Approval.Status.APPROVED ? words.detail(decided, locale) : "";
      redirect.addFlashAttribute("notice", detail.isEmpty() ? done : done + " " + detail);
    } catch (DomainException e) {
      if (e.kind() == ErrorCode.Kind.FORBIDDEN
          && !ApprovalError.SELF_APPROVAL.name().equals(e.code())) {
        throw e;
      }
      redirect.addFlashAttribute(
          "error",
          messages.getMessage(
              "approvals.error." + e.code(),
              new Object[] {String.valueOf(id)},
              messages.getMessage("error." + e.code(), null, e.getMessage(), locale),
              locale));
    }
    redirect.addAttribute("office", office.code());
    return "printers".equals(back) ? "redirect:/printers" : "redirect:/";
  }

  /** What the approval is about, in words: "permohonan 12". */
  private String subject(Approval a, Locale locale) {
    String id = a.subjectId().map(String::valueOf).orElse(String.valueOf(a.id()));
    return messages.getMessage("approval.subject." + a.kind(), new Object[] {id}, id, locale);
  }

  private String kind(Approval a, Locale locale) {
    return messages.getMessage("approval.kind." + a.kind(), null, a.kind(), locale);
  }
}
