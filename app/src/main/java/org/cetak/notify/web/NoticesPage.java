package org.cetak.notify.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cetak.common.DateText;
import org.cetak.common.DomainException;
import org.cetak.common.ErrorCode;
import org.cetak.notify.CollectableWhen;
import org.cetak.notify.NoticeKind;
import org.cetak.notify.NoticeSettings;
import org.cetak.notify.NoticeStatus;
import org.cetak.notify.Notices;
import org.cetak.notify.SmsGateway;
import org.cetak.notify.gateway.FileGateway;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's SMS page for counter officers and supervisors (auditors and administrators read
 * it): each notice with its status, attempts, the gateway's id and delivery report, a resend button
 * where an officer may resend, and the cards nobody collected yet; a gateway this node cannot
 * reach, since when and when it is tried next. With the file gateway it also shows the file's last
 * lines.
 */
@Controller
public class NoticesPage {

  private final Notices notices;
  private final SmsGateway gateway;
  private final CurrentUser currentUser;
  private final MessageSource messages;

  private final String node;

  public NoticesPage(
      Notices notices,
      SmsGateway gateway,
      CurrentUser currentUser,
      MessageSource messages,
      @Value("${cetak.station.node:${HOSTNAME:cetak}}") String node) {
    this.notices = notices;
    this.gateway = gateway;
    this.currentUser = currentUser;
    this.messages = messages;
    this.node = node;
  }

  @GetMapping("/sms")
  @Allow(Permission.SEE_NOTICES)
  String page(
      Office office,
      @RequestParam(name = "status", defaultValue = "") String status,
      Locale locale,
      Model model) {
    User user = currentUser.get();
    NoticeSettings settings = notices.settings(office.id());
    DateText dates = DateText.of(settings.zone(), locale);
    Optional<NoticeStatus> filter =
        status.isBlank()
            ? Optional.empty()
            : java.util.Arrays.stream(NoticeStatus.values())
                .filter(s -> s.name().equals(status))
                .findFirst();
    model.addAttribute(
        "notices",
        notices.list(office.id(), user, filter, 200).stream()
            .map(n -> NoticeView.of(n, dates))
            .toList());
    model.addAttribute("statuses", NoticeStatus.values());
    model.addAttribute("status", filter.map(Enum::name).orElse(""));
    model.addAttribute("mayResend", user.has(Role.COUNTER_OFFICER) || user.has(Role.SUPERVISOR));
    model.addAttribute("unclaimed", notices.unclaimed(office.id(), user, 0));
    model.addAttribute("office", office);
    model.addAttribute("settings", settings);
    model.addAttribute("gateway", gateway.name());
    model.addAttribute("link", GatewayView.of(gateway, node, dates));
    java.util.Map<NoticeKind, String> templates = new java.util.EnumMap<>(NoticeKind.class);
    for (NoticeKind kind : NoticeKind.values()) {
      templates.put(kind, notices.template(office.id(), kind));
    }
    model.addAttribute("templates", templates);
    model.addAttribute("mayEditTemplates", user.has(Role.SUPERVISOR) || user.has(Role.ADMIN));
    model.addAttribute(
        "fileLines", gateway instanceof FileGateway file ? file.lastLines(20) : List.<String>of());
    return "sms";
  }

  /**
   * Saves the office's wording of one kind of notice. A refused template (not one GSM-7 segment, a
   * character outside GSM-7, an unknown field, no "gratis" or Suket) changes nothing and comes back
   * on its form with the reason, the offending character named.
   */
  @PostMapping("/sms/templates/{kind}")
  @Allow(Permission.EDIT_NOTICES)
  String saveTemplate(
      Office office,
      @PathVariable("kind") String kind,
      @RequestParam(name = "body", defaultValue = "") String body,
      Locale locale,
      RedirectAttributes redirect) {
    NoticeKind parsed =
        java.util.Arrays.stream(NoticeKind.values())
            .filter(k -> k.name().equals(kind))
            .findFirst()
            .orElseThrow(
                () ->
                    new DomainException(
                        org.cetak.notify.NotifyError.INVALID_NOTICE_FILTER,
                        "No kind of notice " + kind));
    try {
      notices.saveTemplate(office.id(), parsed, body, currentUser.get());
      redirect.addFlashAttribute(
          "notice",
          messages.getMessage(
              "smstemplate.done",
              new Object[] {messages.getMessage("sms.kind." + parsed, null, locale)},
              locale));
    } catch (DomainException e) {
      if (e.kind() == ErrorCode.Kind.FORBIDDEN) {
        throw e;
      }
      redirect.addFlashAttribute("templateKind", parsed.name());
      redirect.addFlashAttribute("templateDraft", body);
      redirect.addFlashAttribute("templateCode", e.code());
      redirect.addFlashAttribute(
          "templateError",
          messages.getMessage("error." + e.code(), null, e.code(), locale)
              + ": "
              + inLanguage(e.getMessage(), locale));
    }
    redirect.addAttribute("office", office.code());
    return "redirect:/sms#template-" + parsed.name();
  }

  /** The notify domain words its template errors "Indonesian / English". */
  static String inLanguage(String message, Locale locale) {
    int split = message.indexOf(" / ");
    if (split < 0) {
      return message;
    }
    return locale.getLanguage().equals("en")
        ? message.substring(split + 3)
        : message.substring(0, split);
  }

  /**
   * Turns the office's card check on or off ({@code check=on|off}): the office's one switch, its
   * notice setting {@code collectableWhen}. Other settings stay as they are. Supervisors and
   * administrators; audited.
   */
  @PostMapping("/sms/quality-check")
  @Allow(Permission.EDIT_NOTICES)
  String qualityCheck(
      Office office,
      @RequestParam(name = "check", defaultValue = "") String check,
      Locale locale,
      RedirectAttributes redirect) {
    if (!check.equals("on") && !check.equals("off")) {
      throw new DomainException(
          org.cetak.notify.NotifyError.INVALID_NOTICE_SETTINGS,
          "The card check is on or off, not " + check);
    }
    NoticeSettings s = notices.settings(office.id());
    notices.saveSettings(
        office.id(),
        new NoticeSettings(
            s.zone(),
            s.openingHours(),
            s.windowStart(),
            s.windowEnd(),
            check.equals("on") ? CollectableWhen.QUALITY_CHECKED : CollectableWhen.PRINTED,
            s.reminderAfterDays()),
        currentUser.get());
    redirect.addFlashAttribute("notice", messages.getMessage("qc.setting.done", null, locale));
    return "redirect:/sms?office=" + office.code();
  }

  @PostMapping("/sms/{id}/resend")
  @Allow(Permission.RESEND_NOTICE)
  String resend(
      Office office, @PathVariable("id") long id, Locale locale, RedirectAttributes redirect) {
    try {
      notices.resend(office.id(), id, currentUser.get());
      redirect.addFlashAttribute(
          "notice", messages.getMessage("sms.done.resent", new Object[] {id}, locale));
    } catch (DomainException e) {
      if (e.kind() == ErrorCode.Kind.FORBIDDEN) {
        throw e;
      }
      redirect.addFlashAttribute(
          "error",
          messages.getMessage("sms.error." + e.code(), new Object[] {id}, e.getMessage(), locale));
    }
    return "redirect:/sms?office=" + office.code();
  }
}
