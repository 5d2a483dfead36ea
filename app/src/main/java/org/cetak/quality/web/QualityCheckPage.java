package org.cetak.quality.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cetak.common.DateText;
import org.cetak.common.DomainException;
import org.cetak.common.ErrorCode;
import org.cetak.notify.CollectableWhen;
import org.cetak.notify.NoticeSettings;
import org.cetak.notify.Notices;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.quality.CardCheck;
import org.cetak.quality.CheckReason;
import org.cetak.quality.QualityChecks;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The print room's check console (pemeriksaan kartu): each printed card waiting to be checked with
 * its face as printed, a field for the chip UID read back, a pass button, a reject button with the
 * reason, and a batch pass for the ticked cards. Each action answers with a notice or an error in
 * the operator's language; a refused one changes nothing.
 */
@Controller
public class QualityCheckPage {

  private final QualityChecks checks;
  private final Notices notices;
  private final CurrentUser currentUser;
  private final MessageSource messages;

  public QualityCheckPage(
      QualityChecks checks, Notices notices, CurrentUser currentUser, MessageSource messages) {
    this.checks = checks;
    this.notices = notices;
    this.currentUser = currentUser;
    this.messages = messages;
  }

  @GetMapping("/quality-check")
  @Allow(Permission.CHECK_CARD)
  String page(Office office, Locale locale, Model model) {
    NoticeSettings settings = notices.settings(office.id());
    DateText dates = DateText.of(settings.zone(), locale);
    model.addAttribute("office", office);
    model.addAttribute(
        "cards",
        checks.waiting(office.id(), currentUser.get()).stream()
            .map(
                c ->
                    new Row(
                        c.printJobId(),
                        c.requestId(),
                        c.printerCode(),
                        c.residentName(),
                        dates.time(c.printedAt()) + " " + settings.zoneName()))
            .toList());
    model.addAttribute("reasons", CheckReason.values());
    model.addAttribute("readerAttached", checks.readerAttached());
    model.addAttribute("checkOn", settings.collectableWhen() == CollectableWhen.QUALITY_CHECKED);
    return "quality-check";
  }

  /** A card waiting to be checked as the page lists it (the UID recorded at print is not shown). */
  public record Row(
      long printJobId, long requestId, String printerCode, String residentName, String printedAt) {
    @Override
    public String toString() {
      return "Row[job " + printJobId + ", request " + requestId + "]";
    }
  }

  @PostMapping("/quality-check/{job}/pass")
  @Allow(Permission.CHECK_CARD)
  String pass(
      Office office,
      @PathVariable("job") long job,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      CardCheck passed =
          checks.pass(office.id(), job, form.getFirst("uid-" + job), currentUser.get());
      redirect.addFlashAttribute(
          "notice",
          messages.getMessage(
              "qc.done.passed",
              new Object[] {passed.requestId(), passed.uidRead().orElse("")},
              locale));
    } catch (DomainException e) {
      refused(e, locale, redirect);
    }
    return "redirect:/quality-check?office=" + office.code();
  }

  @PostMapping("/quality-check/pass")
  @Allow(Permission.CHECK_CARD)
  String passAll(
      Office office,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    List<QualityChecks.Pass> cards = new ArrayList<>();
    for (String job : form.getOrDefault("job", List.of())) {
      long id;
      try {
        id = Long.parseLong(job);
      } catch (NumberFormatException e) {
        continue;
      }
      cards.add(new QualityChecks.Pass(id, form.getFirst("uid-" + id)));
    }
    try {
      int passed = checks.passAll(office.id(), cards, currentUser.get()).size();
      redirect.addFlashAttribute(
          "notice", messages.getMessage("qc.done.batch", new Object[] {passed}, locale));
    } catch (DomainException e) {
      refused(e, locale, redirect);
    }
    return "redirect:/quality-check?office=" + office.code();
  }

  @PostMapping("/quality-check/{job}/reject")
  @Allow(Permission.CHECK_CARD)
  String reject(
      Office office,
      @PathVariable("job") long job,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    String chosen = form.getFirst("reason-" + job);
    CheckReason reason =
        Arrays.stream(CheckReason.values())
            .filter(r -> r.name().equals(chosen))
            .findFirst()
            .orElse(null);
    try {
      CardCheck rejected =
          checks.reject(office.id(), job, reason, form.getFirst("note-" + job), currentUser.get());
      redirect.addFlashAttribute(
          "notice",
          messages.getMessage(
              "qc.done.rejected",
              new Object[] {
                rejected.requestId(),
                messages.getMessage("qc.reason." + rejected.reason().orElseThrow(), null, locale)
              },
              locale));
    } catch (DomainException e) {
      refused(e, locale, redirect);
    }
    return "redirect:/quality-check?office=" + office.code();
  }

  private void refused(DomainException e, Locale locale, RedirectAttributes redirect) {
    if (e.kind() == ErrorCode.Kind.FORBIDDEN) {
      throw e;
    }
    String detail =
        messages.getMessage(
            "error." + e.code() + ".detail",
            e.args(),
            messages.getMessage("error." + e.code(), null, e.code(), locale),
            locale);
    redirect.addFlashAttribute(
        "error", messages.getMessage("qc.error", new Object[] {detail}, locale));
    redirect.addFlashAttribute("errorCode", e.code());
  }
}
