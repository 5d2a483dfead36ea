package org.cetak.notify.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.cetak.notify.Notice;
import org.cetak.notify.NoticeStatus;

/**
 * A notice as the console and the API show it: the phone masked, times in the office's zone.
 *
 * @param resendable whether an officer may put it back in line
 */
public record NoticeView(
    long id,
    long requestId,
    long printJobId,
    String kind,
    String status,
    String phone,
    String text,
    int attempts,
    String createdAt,
    String sentAt,
    String gateway,
    String gatewayId,
    String report,
    String reportAt,
    String lastError,
    boolean inDoubt,
    boolean resendable) {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("dd-MM-yyyy HH.mm", Locale.forLanguageTag("id"));

  static NoticeView of(Notice n, ZoneId zone) {
    return new NoticeView(
        n.id(),
        n.requestId(),
        n.printJobId(),
        n.kind().name(),
        n.status().name(),
        n.maskedPhone(),
        n.body(),
        n.attempts(),
        when(n.createdAt(), zone),
        n.sentAt().map(t -> when(t, zone)).orElse(""),
        n.gateway().orElse(""),
        n.gatewayId().orElse(""),
        n.report().orElse(""),
        n.reportAt().map(t -> when(t, zone)).orElse(""),
        n.lastError().orElse(""),
        n.inDoubt(),
        n.status() == NoticeStatus.FAILED || n.status() == NoticeStatus.UNDELIVERED);
  }

  private static String when(Instant at, ZoneId zone) {
    return WHEN.format(at.atZone(zone));
  }
}
