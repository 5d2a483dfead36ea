package org.cetak.consolidation.web;

import java.time.Clock;
import java.util.Locale;
import org.cetak.common.DateText;
import org.cetak.common.DomainException;
import org.cetak.common.ErrorCode;
import org.cetak.common.OfficeZones;
import org.cetak.consolidation.ConsolidationService;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The consolidation page: the backlog of statuses not yet at the centre with "push now" for a stuck
 * one (konsolidasi manual), and a card's history by NIK for the resident whose new card a bank's
 * reader cannot read yet.
 */
@Controller
public class ConsolidationPage {

  private final ConsolidationService consolidation;
  private final CurrentUser currentUser;
  private final MessageSource messages;
  private final Clock clock;
  private final OfficeZones zones;

  public ConsolidationPage(
      ConsolidationService consolidation,
      CurrentUser currentUser,
      MessageSource messages,
      Clock clock,
      OfficeZones zones) {
    this.consolidation = consolidation;
    this.currentUser = currentUser;
    this.messages = messages;
    this.clock = clock;
    this.zones = zones;
  }

  /**
   * The backlog; after "Kirim sekarang" from a card's history, that history again (the NIK comes
   * back as a flash attribute, never in the address).
   */
  @GetMapping("/consolidation")
  @Allow(Permission.SEE_CONSOLIDATION)
  String page(Office office, Locale locale, Model model) {
    Object flashed = model.getAttribute("nik");
    return render(office, flashed instanceof String nik ? nik : "", locale, model);
  }

  /**
   * A card's consolidation history by NIK. The form posts it, so the NIK stays out of the address,
   * the browser's history and the access logs.
   */
  @PostMapping("/consolidation")
  @Allow(Permission.SEE_CONSOLIDATION)
  String history(
      Office office,
      @RequestParam(name = "nik", defaultValue = "") String nik,
      Locale locale,
      Model model) {
    return render(office, nik, locale, model);
  }

  private String render(Office office, String nik, Locale locale, Model model) {
    User user = currentUser.get();
    model.addAttribute("office", office);
    model.addAttribute("connected", consolidation.connected());
    model.addAttribute("counts", consolidation.counts(office.id(), user));
    model.addAttribute("backlog", consolidation.backlog(office.id(), user));
    model.addAttribute("when", new DateText(clock.withZone(zones.of(office.id())), locale));
    model.addAttribute("nik", nik);
    if (!nik.isBlank()) {
      try {
        model.addAttribute("history", consolidation.history(office.id(), nik, user));
      } catch (DomainException e) {
        if (e.kind() == ErrorCode.Kind.FORBIDDEN) {
          throw e;
        }
        model.addAttribute(
            "error", messages.getMessage("error." + e.code(), null, e.getMessage(), locale));
      }
    }
    return "consolidation";
  }

  @PostMapping("/consolidation/{id}/push")
  @Allow(Permission.PUSH_CONSOLIDATION)
  String pushNow(
      Office office,
      @PathVariable("id") long id,
      @RequestParam(name = "nik", defaultValue = "") String nik,
      Locale locale,
      RedirectAttributes redirect) {
    User user = currentUser.get();
    try {
      ConsolidationService.PushRun run = consolidation.pushNow(office.id(), id, user);
      String key =
          run.stoppedBy().isPresent()
              ? "consolidation.pushed.down"
              : run.stuck() > 0 ? "consolidation.pushed.stuck" : "consolidation.pushed";
      redirect.addFlashAttribute(
          "notice",
          messages.getMessage(key, new Object[] {run.sent(), run.stoppedBy().orElse("")}, locale));
    } catch (DomainException e) {
      if (e.kind() == ErrorCode.Kind.FORBIDDEN) {
        throw e;
      }
      redirect.addFlashAttribute(
          "error", messages.getMessage("error." + e.code(), null, e.getMessage(), locale));
    }
    if (!nik.isBlank()) {
      redirect.addFlashAttribute("nik", nik);
    }
    return "redirect:/consolidation?office=" + office.code();
  }
}
