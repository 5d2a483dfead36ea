package org.cetak.notify.web;

import org.cetak.common.DateText;
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

  static NoticeView of(Notice n, DateText dates) {
    return new NoticeView(
        n.id(),
        n.requestId(),
        n.printJobId(),
        n.kind().name(),
        n.status().name(),
        n.maskedPhone(),
        n.body(),
        n.attempts(),
        dates.time(n.createdAt()),
        n.sentAt().map(dates::time).orElse(""),
        n.gateway().orElse(""),
        n.gatewayId().orElse(""),
        n.report().orElse(""),
        n.reportAt().map(dates::time).orElse(""),
        n.lastError().orElse(""),
        n.inDoubt(),
        n.status() == NoticeStatus.FAILED
            || n.status() == NoticeStatus.UNDELIVERED
            || n.status() == NoticeStatus.NO_REPORT);
  }
}
