package org.cetak.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A store whose process dies right after the gateway answered, before the answer commits. */
final class CrashingStore implements NoticeStore {
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private final NoticeStore real;
  private final java.util.function.LongConsumer dying;

  CrashingStore(NoticeStore real) {
    this(real, noticeId -> {});
  }

  /** {@code dying} runs where the process dies, with the notice whose answer is lost. */
  CrashingStore(NoticeStore real, java.util.function.LongConsumer dying) {
    this.real = real;
    this.dying = dying;
  }

  @Override
  public boolean settle(long noticeId, int attempt, Settlement settlement, Instant now) {
    dying.accept(noticeId);
    throw new Crash();
  }

  @Override
  public int markUnreported(String gateway, Instant sentBefore, String why) {
    return real.markUnreported(gateway, sentBefore, why);
  }

  @Override
  public NoticeSettings settings(long officeId) {
    return real.settings(officeId);
  }

  @Override
  public void saveSettings(long officeId, NoticeSettings settings, String by) {
    real.saveSettings(officeId, settings, by);
  }

  @Override
  public Optional<String> template(long officeId, NoticeKind kind) {
    return real.template(officeId, kind);
  }

  @Override
  public void saveTemplate(long officeId, NoticeKind kind, String body, String by) {
    real.saveTemplate(officeId, kind, body, by);
  }

  @Override
  public String officeName(long officeId) {
    return real.officeName(officeId);
  }

  @Override
  public List<Long> officesWithNotices() {
    return real.officesWithNotices();
  }

  @Override
  public List<Notice> lockNoticesOf(long requestId) {
    return real.lockNoticesOf(requestId);
  }

  @Override
  public Notice add(NewNotice notice) {
    return real.add(notice);
  }

  @Override
  public void supersede(long noticeId, long byNoticeId) {
    real.supersede(noticeId, byNoticeId);
  }

  @Override
  public List<Notice> claimDue(long officeId, Instant now, int limit, String gateway, String node) {
    return real.claimDue(officeId, now, limit, gateway, node);
  }

  @Override
  public List<Notice> sendingSince(Instant before) {
    return real.sendingSince(before);
  }

  @Override
  public Optional<Notice> lock(long noticeId) {
    return real.lock(noticeId);
  }

  @Override
  public Optional<Notice> lockByGatewayId(String gateway, String gatewayId) {
    return real.lockByGatewayId(gateway, gatewayId);
  }

  @Override
  public Optional<Notice> lockUnsettled(String gateway, DeliveryReport.ShortReference reference) {
    return real.lockUnsettled(gateway, reference);
  }

  @Override
  public void recordReport(
      Optional<Long> noticeId,
      DeliveryReport report,
      Optional<NoticeStatus> newStatus,
      Instant now) {
    real.recordReport(noticeId, report, newStatus, now);
  }

  @Override
  public void resend(long noticeId, Instant now) {
    real.resend(noticeId, now);
  }

  @Override
  public List<Notice> list(long officeId, Optional<NoticeStatus> status, int limit) {
    return real.list(officeId, status, limit);
  }

  @Override
  public List<UnclaimedCard> unclaimed(long officeId, Instant printedBefore, Instant now) {
    return real.unclaimed(officeId, printedBefore, now);
  }

  @Override
  public List<ReminderDue> remindersDue(long officeId, Instant printedBefore) {
    return real.remindersDue(officeId, printedBefore);
  }
}
