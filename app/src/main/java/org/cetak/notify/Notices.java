package org.cetak.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cetak.common.DomainException;
import org.cetak.common.Transactions;
import org.cetak.office.Audit;
import org.cetak.office.Role;
import org.cetak.office.User;

/**
 * Residents' notices (pemberitahuan SMS): written when a card becomes collectable, resent when an
 * officer asks, listed for the console, and the office's templates and settings.
 *
 * <p>The one place a notice is written is {@link #cardCollectable}. Where the office's cards are
 * collectable at print ({@link CollectableWhen#PRINTED}) the print station calls it, through the
 * {@link Outbox}, in the transaction that marks the card printed. An office that checks each card
 * before release sets {@link CollectableWhen#QUALITY_CHECKED}: printing then writes nothing and the
 * quality check calls {@link #cardCollectable} when the card passes.
 */
public final class Notices {

  private final NoticeStore store;
  private final Transactions transactions;
  private final Audit audit;
  private final Clock clock;

  public Notices(NoticeStore store, Transactions transactions, Audit audit, Clock clock) {
    this.store = store;
    this.transactions = transactions;
    this.audit = audit;
    this.clock = clock;
  }

  /** A card the resident can collect: the one trigger of a notice. */
  public record CollectableCard(
      long officeId, long requestId, long printJobId, String residentName, Optional<String> phone) {

    @Override
    public String toString() {
      return "CollectableCard[request " + requestId + " job " + printJobId + "]";
    }
  }

  /**
   * Writes the notice of a card the resident can now collect, once per print job (a second call
   * changes nothing), joining the caller's transaction. One notice per collectable card: a reprint
   * whose earlier notice was not sent yet replaces it (the resident gets one "sudah jadi"); a
   * reprint whose earlier notice may have reached the resident says the card is ready again. A
   * reminder not sent yet for the earlier card is dropped. Without a valid phone the notice is kept
   * as {@code NO_PHONE} so the counter sees that the resident was not told.
   */
  public Notice cardCollectable(CollectableCard card) {
    return collectable(card, store.settings(card.officeId()));
  }

  private Notice collectable(CollectableCard card, NoticeSettings settings) {
    return transactions.inTransaction(
        () -> {
          List<Notice> earlier = store.lockNoticesOf(card.requestId());
          Optional<Notice> same =
              earlier.stream()
                  .filter(n -> n.printJobId() == card.printJobId())
                  .filter(n -> n.kind() != NoticeKind.REMINDER)
                  .findFirst();
          if (same.isPresent()) {
            return same.get();
          }
          NoticeKind kind = NoticeKind.READY;
          for (Notice previous : earlier) {
            if (previous.kind() != NoticeKind.REMINDER && previous.status().mayHaveReached()) {
              kind = NoticeKind.READY_AGAIN;
            }
          }
          NoticeStatus status =
              card.phone().isPresent() ? NoticeStatus.PENDING : NoticeStatus.NO_PHONE;
          Notice notice =
              store.add(
                  new NoticeStore.NewNotice(
                      card.officeId(),
                      card.requestId(),
                      card.printJobId(),
                      kind,
                      status,
                      card.phone().orElse(""),
                      text(card.officeId(), kind, card.residentName(), settings),
                      clock.instant()));
          for (Notice previous : earlier) {
            if (previous.status() == NoticeStatus.PENDING) {
              store.supersede(previous.id(), notice.id());
            }
          }
          return notice;
        });
  }

  /** Writes the reminders due now in this office; the dispatcher calls it before sending. */
  int queueReminders(long officeId) {
    return transactions.inTransaction(
        () -> {
          NoticeSettings settings = store.settings(officeId);
          Instant collectableBefore =
              clock.instant().minus(Duration.ofDays(settings.reminderAfterDays()));
          int queued = 0;
          for (NoticeStore.ReminderDue due : store.remindersDue(officeId, collectableBefore)) {
            store.add(
                new NoticeStore.NewNotice(
                    officeId,
                    due.requestId(),
                    due.printJobId(),
                    NoticeKind.REMINDER,
                    NoticeStatus.PENDING,
                    due.phone(),
                    text(officeId, NoticeKind.REMINDER, due.residentName(), settings),
                    clock.instant()));
            queued++;
          }
          return queued;
        });
  }

  private String text(
      long officeId, NoticeKind kind, String residentName, NoticeSettings settings) {
    String template = store.template(officeId, kind).orElse(SmsTemplates.DEFAULTS.get(kind));
    return SmsTemplates.render(
        template, residentName, store.officeName(officeId), settings.openingHours());
  }

  /**
   * Puts a notice that failed, was not delivered or whose outcome is unknown back in line (kirim
   * ulang). Counter officers and supervisors of the notice's office may; it is audited.
   */
  public Notice resend(long officeId, long noticeId, User by) {
    if (!(by.has(Role.COUNTER_OFFICER) || by.has(Role.SUPERVISOR))) {
      throw new DomainException(
          NotifyError.NOTICES_NOT_ALLOWED,
          "Hanya petugas loket dan kepala bidang / Counter officers and supervisors only");
    }
    return transactions.inTransaction(
        () -> {
          Notice notice = ownNotice(officeId, noticeId);
          if (notice.status() != NoticeStatus.FAILED
              && notice.status() != NoticeStatus.UNDELIVERED
              && notice.status() != NoticeStatus.NO_REPORT) {
            throw new DomainException(
                NotifyError.NOTICE_NOT_RESENDABLE,
                "SMS "
                    + noticeId
                    + " berstatus "
                    + notice.status()
                    + "; hanya yang gagal atau tidak terkirim yang dapat dikirim ulang / only a"
                    + " failed or undelivered notice can be resent",
                noticeId);
          }
          store.resend(noticeId, clock.instant());
          audit.record(
              notice.officeId(),
              by.username(),
              "SMS_RESEND",
              "sms_outbox:" + noticeId,
              "request " + notice.requestId() + ", was " + notice.status());
          return store.lock(noticeId).orElseThrow();
        });
  }

  public List<Notice> list(long officeId, User by, Optional<NoticeStatus> status, int limit) {
    requireReader(by);
    return store.list(officeId, status, Math.max(1, Math.min(limit, 1000)));
  }

  public Notice notice(long officeId, long noticeId, User by) {
    requireReader(by);
    return ownNotice(officeId, noticeId);
  }

  /**
   * Printed cards not collected for at least {@code days} days (0: all), oldest first, for the
   * counter's unclaimed list (kartu belum diambil).
   */
  public List<UnclaimedCard> unclaimed(long officeId, int days) {
    Instant now = clock.instant();
    return store.unclaimed(officeId, now.minus(Duration.ofDays(Math.max(0, days))), now);
  }

  /** {@link #unclaimed(long, int)} for those who may read notices. */
  public List<UnclaimedCard> unclaimed(long officeId, User by, int days) {
    requireReader(by);
    return unclaimed(officeId, days);
  }

  public NoticeSettings settings(long officeId) {
    return store.settings(officeId);
  }

  /** Supervisors and administrators change their office's settings; audited. */
  public void saveSettings(long officeId, NoticeSettings settings, User by) {
    requireManager(by);
    transactions.run(
        () -> {
          store.saveSettings(officeId, settings, by.username());
          audit.record(
              officeId, by.username(), "SMS_SETTINGS", "office:" + officeId, "" + settings);
        });
  }

  /** The office's wording of a kind of notice: its own, or the built-in one. */
  public String template(long officeId, NoticeKind kind) {
    return store.template(officeId, kind).orElse(SmsTemplates.DEFAULTS.get(kind));
  }

  /**
   * Saves the office's wording of a kind of notice after {@link SmsTemplates#validate}: a refused
   * template changes nothing. Supervisors and administrators; audited.
   */
  public void saveTemplate(long officeId, NoticeKind kind, String body, User by) {
    requireManager(by);
    transactions.run(
        () -> {
          long office = officeId;
          SmsTemplates.validate(
              body, store.officeName(office), store.settings(office).openingHours());
          store.saveTemplate(office, kind, body, by.username());
          audit.record(office, by.username(), "SMS_TEMPLATE", "office:" + office, kind.name());
        });
  }

  private Notice ownNotice(long officeId, long noticeId) {
    return store
        .lock(noticeId)
        .filter(n -> n.officeId() == officeId)
        .orElseThrow(
            () ->
                new DomainException(
                    NotifyError.UNKNOWN_NOTICE,
                    "SMS " + noticeId + " tidak ada / no such notice",
                    noticeId));
  }

  private static void requireReader(User by) {
    if (!(by.has(Role.COUNTER_OFFICER)
        || by.has(Role.SUPERVISOR)
        || by.has(Role.AUDITOR)
        || by.has(Role.ADMIN))) {
      throw new DomainException(
          NotifyError.NOTICES_NOT_ALLOWED, "Tidak berhak melihat SMS / May not see notices");
    }
  }

  private static void requireManager(User by) {
    if (!(by.has(Role.SUPERVISOR) || by.has(Role.ADMIN))) {
      throw new DomainException(
          NotifyError.NOTICES_NOT_ALLOWED,
          "Hanya kepala bidang atau admin / Supervisors and administrators only");
    }
  }
}
