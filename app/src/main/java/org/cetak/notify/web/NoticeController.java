package org.cetak.notify.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cetak.common.DateText;
import org.cetak.common.DomainException;
import org.cetak.notify.CollectableWhen;
import org.cetak.notify.NoticeKind;
import org.cetak.notify.NoticeSettings;
import org.cetak.notify.NoticeStatus;
import org.cetak.notify.Notices;
import org.cetak.notify.NotifyError;
import org.cetak.notify.SmsGateway;
import org.cetak.notify.UnclaimedCard;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.platform.Refuses;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Residents' SMS notices of an office: list, resend, unclaimed cards, wording, settings. */
@RestController
@RequestMapping("/api/offices/{office}/sms")
public class NoticeController {

  private final Notices notices;
  private final CurrentUser currentUser;
  private final SmsGateway gateway;
  private final String node;

  public NoticeController(
      Notices notices,
      CurrentUser currentUser,
      SmsGateway gateway,
      @Value("${cetak.station.node:${HOSTNAME:cetak}}") String node) {
    this.notices = notices;
    this.currentUser = currentUser;
    this.gateway = gateway;
    this.node = node;
  }

  /**
   * The SMS gateway as this node sees it: reachable, or since when it is not and when it is tried
   * next.
   */
  @GetMapping("/gateway")
  @Allow(Permission.SEE_NOTICES)
  @Operation(
      summary =
          "The SMS gateway as this node sees it: reachable, or unreachable since when and tried"
              + " again when")
  @Refuses({})
  public GatewayView gateway(Office office, Locale locale) {
    return GatewayView.of(gateway, node, dates(office, locale));
  }

  @GetMapping("/notices")
  @Allow(Permission.SEE_NOTICES)
  @Operation(
      summary = "The office's SMS notices, newest first, optionally of one status (phones masked)")
  @Refuses({"INVALID_NOTICE_FILTER", "NOTICES_NOT_ALLOWED"})
  public List<NoticeView> list(
      Office office,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "limit", defaultValue = "200") int limit,
      Locale locale) {
    User user = currentUser.get();
    DateText dates = dates(office, locale);
    return notices.list(office.id(), user, parseStatus(status), limit).stream()
        .map(n -> NoticeView.of(n, dates))
        .toList();
  }

  @GetMapping("/notices/{id}")
  @Allow(Permission.SEE_NOTICES)
  @Operation(summary = "One SMS notice of the office")
  @Refuses({"UNKNOWN_NOTICE", "NOTICES_NOT_ALLOWED"})
  public NoticeView notice(Office office, @PathVariable("id") long id, Locale locale) {
    User user = currentUser.get();
    return NoticeView.of(notices.notice(office.id(), id, user), dates(office, locale));
  }

  /** Puts a failed or undelivered notice back in line (kirim ulang). */
  @PostMapping("/notices/{id}/resend")
  @Allow(Permission.RESEND_NOTICE)
  @Operation(summary = "Puts a failed or undelivered SMS notice back in line (kirim ulang)")
  @Refuses({"UNKNOWN_NOTICE", "NOTICE_NOT_RESENDABLE", "NOTICES_NOT_ALLOWED"})
  public NoticeView resend(Office office, @PathVariable("id") long id, Locale locale) {
    User user = currentUser.get();
    return NoticeView.of(notices.resend(office.id(), id, user), dates(office, locale));
  }

  /** Times in the office's own zone, in the reader's language. */
  private DateText dates(Office office, Locale locale) {
    return DateText.of(notices.settings(office.id()).zone(), locale);
  }

  /** Printed cards not collected for at least {@code days} days, oldest first. */
  @GetMapping("/unclaimed")
  @Allow(Permission.SEE_NOTICES)
  @Operation(summary = "Printed cards not collected for at least `days` days, oldest first")
  @Refuses({"NOTICES_NOT_ALLOWED"})
  public List<UnclaimedCard> unclaimed(
      Office office, @RequestParam(name = "days", defaultValue = "0") int days) {
    return notices.unclaimed(office.id(), currentUser.get(), days);
  }

  @GetMapping("/templates")
  @Allow(Permission.SEE_NOTICES)
  @Operation(summary = "The office's wording of each kind of SMS notice")
  @Refuses({})
  public Map<NoticeKind, String> templates(Office office) {
    Map<NoticeKind, String> all = new EnumMap<>(NoticeKind.class);
    for (NoticeKind kind : NoticeKind.values()) {
      all.put(kind, notices.template(office.id(), kind));
    }
    return all;
  }

  /** Saves the office's wording of a kind of notice; refused when it is not one GSM-7 segment. */
  @PutMapping("/templates/{kind}")
  @Allow(Permission.EDIT_NOTICES)
  @Operation(summary = "Saves the office's wording of a kind of SMS notice (one GSM-7 segment)")
  @Refuses({
    "INVALID_NOTICE_FILTER",
    "TEMPLATE_EMPTY",
    "TEMPLATE_UNKNOWN_FIELD",
    "TEMPLATE_NOT_GSM",
    "TEMPLATE_INCOMPLETE",
    "TEMPLATE_TOO_LONG",
    "NOTICES_NOT_ALLOWED"
  })
  public Map<NoticeKind, String> saveTemplate(
      Office office, @PathVariable("kind") String kind, @RequestBody TemplateBody body) {
    NoticeKind parsed = parseKind(kind);
    notices.saveTemplate(office.id(), parsed, body == null ? "" : body.body(), currentUser.get());
    return templates(office);
  }

  @GetMapping("/settings")
  @Allow(Permission.SEE_NOTICES)
  @Operation(
      summary = "The office's SMS settings: time zone, opening hours, sending window, reminders")
  @Refuses({})
  public SettingsBody settings(Office office) {
    return SettingsBody.of(notices.settings(office.id()));
  }

  @PutMapping("/settings")
  @Allow(Permission.EDIT_NOTICES)
  @Operation(summary = "Saves the office's SMS settings")
  @Refuses({"INVALID_NOTICE_SETTINGS", "NOTICES_NOT_ALLOWED"})
  public SettingsBody saveSettings(Office office, @RequestBody SettingsBody body) {
    notices.saveSettings(office.id(), body.toSettings(), currentUser.get());
    return SettingsBody.of(notices.settings(office.id()));
  }

  /** The wording of a notice. */
  public record TemplateBody(String body) {}

  /** An office's notice settings; {@code zone} is WIB, WITA or WIT. */
  public record SettingsBody(
      String zone,
      String openingHours,
      String windowStart,
      String windowEnd,
      String collectableWhen,
      int reminderAfterDays) {

    static SettingsBody of(NoticeSettings s) {
      return new SettingsBody(
          s.zoneName(),
          s.openingHours(),
          s.windowStart().toString(),
          s.windowEnd().toString(),
          s.collectableWhen().name(),
          s.reminderAfterDays());
    }

    NoticeSettings toSettings() {
      String zoneId =
          NoticeSettings.ZONES.entrySet().stream()
              .filter(e -> e.getValue().equals(zone))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElseThrow(
                  () ->
                      new DomainException(
                          NotifyError.INVALID_NOTICE_SETTINGS,
                          "Zona waktu harus WIB, WITA atau WIT / The zone is WIB, WITA or WIT"));
      try {
        return new NoticeSettings(
            ZoneId.of(zoneId),
            openingHours,
            LocalTime.parse(windowStart),
            LocalTime.parse(windowEnd),
            CollectableWhen.valueOf(collectableWhen),
            reminderAfterDays);
      } catch (RuntimeException e) {
        throw new DomainException(
            NotifyError.INVALID_NOTICE_SETTINGS,
            "Pengaturan SMS tidak sah / Invalid SMS settings: " + e.getMessage());
      }
    }
  }

  private static Optional<NoticeStatus> parseStatus(String status) {
    if (status == null || status.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(NoticeStatus.valueOf(status));
    } catch (IllegalArgumentException e) {
      throw new DomainException(
          NotifyError.INVALID_NOTICE_FILTER,
          "Status SMS tidak dikenal / Unknown status: " + status,
          status);
    }
  }

  private static NoticeKind parseKind(String kind) {
    try {
      return NoticeKind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw new DomainException(
          NotifyError.INVALID_NOTICE_FILTER,
          "Jenis SMS READY, READY_AGAIN atau REMINDER, bukan " + kind,
          kind);
    }
  }
}
