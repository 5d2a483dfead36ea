package org.cetak.notify.jooq;

import static org.cetak.db.jooq.Tables.OFFICE;
import static org.cetak.db.jooq.Tables.SMS_ATTEMPT;
import static org.cetak.db.jooq.Tables.SMS_OUTBOX;
import static org.cetak.db.jooq.Tables.SMS_REPORT;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.cetak.db.jooq.tables.SmsOutbox;
import org.cetak.db.jooq.tables.records.SmsOutboxRecord;
import org.cetak.notify.DeliveryReport;
import org.cetak.notify.Notice;
import org.cetak.notify.NoticeKind;
import org.cetak.notify.NoticeSettings;
import org.cetak.notify.NoticeStatus;
import org.cetak.notify.NoticeStore;
import org.cetak.notify.UnclaimedCard;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Notices in {@code sms_outbox}, their attempts in {@code sms_attempt}, reports in {@code
 * sms_report}. The office's settings and templates ({@link JooqNoticeSettings}) and the cards not
 * collected yet ({@link UncollectedCards}) are read and written by their own classes.
 */
public final class JooqNoticeStore implements NoticeStore {

  private final DSLContext db;
  private final JooqNoticeSettings settings;
  private final UncollectedCards cards;

  public JooqNoticeStore(DSLContext db, Clock clock) {
    this.db = db;
    this.settings = new JooqNoticeSettings(db, clock);
    this.cards = new UncollectedCards(db);
  }

  @Override
  public NoticeSettings settings(long officeId) {
    return settings.settings(officeId);
  }

  @Override
  public void saveSettings(long officeId, NoticeSettings settings, String by) {
    this.settings.saveSettings(officeId, settings, by);
  }

  @Override
  public Optional<String> template(long officeId, NoticeKind kind) {
    return settings.template(officeId, kind);
  }

  @Override
  public void saveTemplate(long officeId, NoticeKind kind, String body, String by) {
    settings.saveTemplate(officeId, kind, body, by);
  }

  @Override
  public String officeName(long officeId) {
    return settings.officeName(officeId);
  }

  @Override
  public List<UnclaimedCard> unclaimed(long officeId, Instant printedBefore, Instant now) {
    return cards.unclaimed(officeId, printedBefore, now);
  }

  /** One aggregate instead of the list. */
  @Override
  public Unclaimed unclaimedCount(long officeId, Instant printedBefore, Instant now) {
    return cards.count(officeId, printedBefore, now);
  }

  /** One count, of at most {@code limit} rows, instead of the notices themselves. */
  @Override
  public int count(long officeId, NoticeStatus status, int limit) {
    return db.fetchCount(
        db.selectOne()
            .from(SMS_OUTBOX)
            .where(SMS_OUTBOX.OFFICE_ID.eq(officeId))
            .and(SMS_OUTBOX.STATUS.eq(status.name()))
            .limit(limit));
  }

  @Override
  public List<ReminderDue> remindersDue(long officeId, Instant collectableBefore) {
    return cards.remindersDue(officeId, collectableBefore);
  }

  @Override
  public List<Long> officesWithNotices() {
    return db.select(OFFICE.ID).from(OFFICE).orderBy(OFFICE.ID).fetch(OFFICE.ID);
  }

  @Override
  public List<Notice> lockNoticesOf(long requestId) {
    return db.selectFrom(SMS_OUTBOX)
        .where(SMS_OUTBOX.REQUEST_ID.eq(requestId))
        .orderBy(SMS_OUTBOX.ID.desc())
        .forUpdate()
        .fetch(JooqNoticeStore::notice);
  }

  @Override
  public Notice add(NewNotice n) {
    return db.insertInto(SMS_OUTBOX)
        .set(SMS_OUTBOX.OFFICE_ID, n.officeId())
        .set(SMS_OUTBOX.REQUEST_ID, n.requestId())
        .set(SMS_OUTBOX.PRINT_JOB_ID, n.printJobId())
        .set(SMS_OUTBOX.KIND, n.kind().name())
        .set(SMS_OUTBOX.STATUS, n.status().name())
        .set(SMS_OUTBOX.PHONE, n.phone())
        .set(SMS_OUTBOX.BODY, n.body())
        .set(SMS_OUTBOX.CREATED_AT, at(n.createdAt()))
        .onConflictDoNothing()
        .returning()
        .fetchOptional()
        .map(JooqNoticeStore::notice)
        .orElseGet(
            () ->
                db.selectFrom(SMS_OUTBOX)
                    .where(SMS_OUTBOX.PRINT_JOB_ID.eq(n.printJobId()))
                    .and(SMS_OUTBOX.KIND.eq(n.kind().name()))
                    .fetchSingle(JooqNoticeStore::notice));
  }

  @Override
  public void supersede(long noticeId, long byNoticeId) {
    db.update(SMS_OUTBOX)
        .set(SMS_OUTBOX.STATUS, NoticeStatus.SUPERSEDED.name())
        .set(SMS_OUTBOX.SUPERSEDED_BY, byNoticeId)
        .where(SMS_OUTBOX.ID.eq(noticeId))
        .and(SMS_OUTBOX.STATUS.eq(NoticeStatus.PENDING.name()))
        .execute();
  }

  @Override
  public List<Notice> claimDue(long officeId, Instant now, int limit, String gateway, String node) {
    List<Long> ids =
        db.select(SMS_OUTBOX.ID)
            .from(SMS_OUTBOX)
            .where(SMS_OUTBOX.OFFICE_ID.eq(officeId))
            .and(SMS_OUTBOX.STATUS.eq(NoticeStatus.PENDING.name()))
            .and(SMS_OUTBOX.NEXT_ATTEMPT_AT.isNull().or(SMS_OUTBOX.NEXT_ATTEMPT_AT.le(at(now))))
            .orderBy(SMS_OUTBOX.CREATED_AT, SMS_OUTBOX.ID)
            .limit(limit)
            .forUpdate()
            .skipLocked()
            .fetch(SMS_OUTBOX.ID);
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Notice> claimed =
        db.update(SMS_OUTBOX)
            .set(SMS_OUTBOX.STATUS, NoticeStatus.SENDING.name())
            .set(SMS_OUTBOX.ATTEMPTS, SMS_OUTBOX.ATTEMPTS.plus(1))
            .set(SMS_OUTBOX.ATTEMPT_STARTED_AT, at(now))
            .set(SMS_OUTBOX.IN_DOUBT, false)
            .set(SMS_OUTBOX.GATEWAY, gateway)
            .where(SMS_OUTBOX.ID.in(ids))
            .returning()
            .fetch(JooqNoticeStore::notice);
    for (Notice notice : claimed) {
      db.insertInto(SMS_ATTEMPT)
          .set(SMS_ATTEMPT.OUTBOX_ID, notice.id())
          .set(SMS_ATTEMPT.NUMBER, notice.attempts())
          .set(SMS_ATTEMPT.GATEWAY, gateway)
          .set(SMS_ATTEMPT.NODE, node)
          .set(SMS_ATTEMPT.STARTED_AT, at(now))
          .execute();
    }
    return claimed.stream()
        .sorted(java.util.Comparator.comparing(Notice::createdAt).thenComparing(Notice::id))
        .toList();
  }

  @Override
  public boolean settle(long noticeId, int attempt, Settlement settlement, Instant now) {
    SmsOutbox o = SMS_OUTBOX;
    var update = db.update(o).set(o.IN_DOUBT, false);
    String outcome;
    Optional<String> gatewayId = Optional.empty();
    String detail;
    if (settlement instanceof Settlement.Sent sent) {
      outcome = sent.queued() ? "QUEUED" : "ACCEPTED";
      gatewayId = sent.gatewayId();
      detail = sent.detail();
      update =
          update
              .set(o.STATUS, NoticeStatus.SENT.name())
              .set(o.SENT_AT, at(now))
              .set(o.GATEWAY, sent.gateway())
              .set(
                  o.GATEWAY_MESSAGE_ID,
                  DSL.coalesce(DSL.val(gatewayId.orElse(null)), o.GATEWAY_MESSAGE_ID))
              .set(o.LAST_ERROR, (String) null);
    } else if (settlement instanceof Settlement.Retry retry) {
      outcome = "REFUSED";
      detail = retry.reason();
      update =
          update
              .set(o.STATUS, NoticeStatus.PENDING.name())
              .set(o.NEXT_ATTEMPT_AT, at(retry.at()))
              .set(o.LAST_ERROR, retry.reason());
    } else if (settlement instanceof Settlement.Failed failed) {
      outcome = failed.refused() ? "REFUSED" : "ABANDONED";
      detail = failed.reason();
      update = update.set(o.STATUS, NoticeStatus.FAILED.name()).set(o.LAST_ERROR, failed.reason());
    } else if (settlement instanceof Settlement.InDoubt doubt) {
      outcome = "UNCLEAR";
      detail = doubt.reason();
      update = update.set(o.IN_DOUBT, true).set(o.LAST_ERROR, doubt.reason());
    } else if (settlement instanceof Settlement.Unanswered unanswered) {
      outcome = "ABANDONED";
      detail = unanswered.reason();
      update =
          update
              .set(o.STATUS, NoticeStatus.PENDING.name())
              .set(o.NEXT_ATTEMPT_AT, at(unanswered.at()))
              .set(o.LAST_ERROR, unanswered.reason());
    } else {
      Settlement.NeverArrived never = (Settlement.NeverArrived) settlement;
      outcome = "ABANDONED";
      detail = never.reason();
      update =
          update
              .set(o.STATUS, NoticeStatus.PENDING.name())
              .set(o.NEXT_ATTEMPT_AT, (OffsetDateTime) null)
              .set(o.LAST_ERROR, never.reason());
    }
    int changed =
        update
            .where(o.ID.eq(noticeId))
            .and(o.ATTEMPTS.eq(attempt))
            .and(o.STATUS.eq(NoticeStatus.SENDING.name()))
            .execute();
    if (changed == 0 && gatewayId.isPresent()) {
      // a report settled it first: keep what it said, learn the gateway's id
      db.update(o)
          .set(o.GATEWAY_MESSAGE_ID, gatewayId.get())
          .where(o.ID.eq(noticeId))
          .and(o.GATEWAY_MESSAGE_ID.isNull())
          .execute();
    }
    db.update(SMS_ATTEMPT)
        .set(SMS_ATTEMPT.OUTCOME, outcome)
        .set(SMS_ATTEMPT.FINISHED_AT, at(now))
        .set(SMS_ATTEMPT.GATEWAY_MESSAGE_ID, gatewayId.orElse(null))
        .set(SMS_ATTEMPT.DETAIL, truncate(detail))
        .where(SMS_ATTEMPT.OUTBOX_ID.eq(noticeId))
        .and(SMS_ATTEMPT.NUMBER.eq(attempt))
        .and(SMS_ATTEMPT.OUTCOME.isNull().or(SMS_ATTEMPT.OUTCOME.eq("UNCLEAR")))
        .execute();
    return changed == 1;
  }

  @Override
  public List<Notice> sendingSince(Instant before) {
    return db.selectFrom(SMS_OUTBOX)
        .where(SMS_OUTBOX.STATUS.eq(NoticeStatus.SENDING.name()))
        .and(SMS_OUTBOX.ATTEMPT_STARTED_AT.lt(at(before)))
        .orderBy(SMS_OUTBOX.ID)
        .fetch(JooqNoticeStore::notice);
  }

  @Override
  public int markUnreported(String gateway, Instant sentBefore, String why) {
    return db.update(SMS_OUTBOX)
        .set(SMS_OUTBOX.STATUS, NoticeStatus.NO_REPORT.name())
        .set(SMS_OUTBOX.LAST_ERROR, truncate(why))
        .where(SMS_OUTBOX.STATUS.eq(NoticeStatus.SENT.name()))
        .and(SMS_OUTBOX.GATEWAY.eq(gateway))
        .and(SMS_OUTBOX.SENT_AT.lt(at(sentBefore)))
        .and(SMS_OUTBOX.REPORT.isNull())
        .and(
            DSL.notExists(
                DSL.selectOne().from(SMS_REPORT).where(SMS_REPORT.OUTBOX_ID.eq(SMS_OUTBOX.ID))))
        .execute();
  }

  @Override
  public Optional<Notice> lock(long noticeId) {
    return db.selectFrom(SMS_OUTBOX)
        .where(SMS_OUTBOX.ID.eq(noticeId))
        .forUpdate()
        .fetchOptional(JooqNoticeStore::notice);
  }

  @Override
  public Optional<Notice> lockByGatewayId(String gateway, String gatewayId) {
    return db.selectFrom(SMS_OUTBOX)
        .where(SMS_OUTBOX.GATEWAY.eq(gateway))
        .and(SMS_OUTBOX.GATEWAY_MESSAGE_ID.eq(gatewayId))
        .orderBy(SMS_OUTBOX.ID.desc())
        .limit(1)
        .forUpdate()
        .fetchOptional(JooqNoticeStore::notice);
  }

  @Override
  public Optional<Notice> lockUnsettled(String gateway, DeliveryReport.ShortReference reference) {
    return db.selectFrom(SMS_OUTBOX)
        .where(SMS_OUTBOX.GATEWAY.eq(gateway))
        .and(SMS_OUTBOX.GATEWAY_MESSAGE_ID.isNull())
        .and(
            SMS_OUTBOX.STATUS.in(
                NoticeStatus.SENDING.name(),
                NoticeStatus.PENDING.name(),
                NoticeStatus.FAILED.name()))
        .and(SMS_OUTBOX.PHONE.eq(reference.phone()))
        .and(SMS_OUTBOX.ID.mod(65536L).eq((long) reference.low16()))
        .orderBy(SMS_OUTBOX.ID.desc())
        .limit(1)
        .forUpdate()
        .fetchOptional(JooqNoticeStore::notice);
  }

  /** Statuses a report that moves nothing must not overwrite the shown report of. */
  private static final java.util.List<String> SETTLED =
      java.util.List.of(
          NoticeStatus.DELIVERED.name(),
          NoticeStatus.UNDELIVERED.name(),
          NoticeStatus.FAILED.name());

  @Override
  public void recordReport(
      Optional<Long> noticeId,
      DeliveryReport report,
      Optional<NoticeStatus> newStatus,
      Instant now) {
    db.insertInto(SMS_REPORT)
        .set(SMS_REPORT.OUTBOX_ID, noticeId.orElse(null))
        .set(SMS_REPORT.GATEWAY, report.gateway())
        .set(SMS_REPORT.GATEWAY_MESSAGE_ID, report.gatewayId().orElse(null))
        .set(SMS_REPORT.STATE, report.state().name())
        .set(SMS_REPORT.DETAIL, truncate(report.detail()))
        .set(SMS_REPORT.RECEIVED_AT, at(now))
        .execute();
    if (noticeId.isEmpty()) {
      return;
    }
    SmsOutbox o = SMS_OUTBOX;
    String said = report.state().name() + (report.detail().isBlank() ? "" : ": " + report.detail());
    // reports may arrive out of order: one that moves nothing (the SMSC's "accepted" after the
    // handset's "delivered") is kept in sms_report but does not replace what the notice shows
    boolean movesNothing = newStatus.isEmpty();
    var update =
        db.update(o)
            .set(
                o.REPORT,
                movesNothing
                    ? DSL.when(o.STATUS.in(SETTLED), o.REPORT).otherwise(DSL.val(truncate(said)))
                    : DSL.val(truncate(said)))
            .set(
                o.REPORT_AT,
                movesNothing
                    ? DSL.when(o.STATUS.in(SETTLED), o.REPORT_AT).otherwise(DSL.val(at(now)))
                    : DSL.val(at(now)))
            .set(
                o.GATEWAY_MESSAGE_ID,
                DSL.coalesce(o.GATEWAY_MESSAGE_ID, DSL.val(report.gatewayId().orElse(null))));
    if (newStatus.isPresent()) {
      NoticeStatus status = newStatus.get();
      update = update.set(o.STATUS, status.name()).set(o.IN_DOUBT, false);
      if (status == NoticeStatus.SENT || status == NoticeStatus.DELIVERED) {
        update =
            update
                .set(o.SENT_AT, DSL.coalesce(o.SENT_AT, DSL.val(at(now))))
                .set(o.LAST_ERROR, (String) null);
      }
      if (status == NoticeStatus.FAILED || status == NoticeStatus.UNDELIVERED) {
        update = update.set(o.LAST_ERROR, truncate(said));
      }
      db.update(SMS_ATTEMPT)
          .set(SMS_ATTEMPT.OUTCOME, "SETTLED_BY_REPORT")
          .set(SMS_ATTEMPT.FINISHED_AT, at(now))
          .set(SMS_ATTEMPT.DETAIL, truncate(said))
          .where(SMS_ATTEMPT.OUTBOX_ID.eq(noticeId.get()))
          .and(SMS_ATTEMPT.OUTCOME.isNull().or(SMS_ATTEMPT.OUTCOME.eq("UNCLEAR")))
          .execute();
    }
    update.where(o.ID.eq(noticeId.get())).execute();
  }

  @Override
  public void resend(long noticeId, Instant now) {
    db.update(SMS_OUTBOX)
        .set(SMS_OUTBOX.STATUS, NoticeStatus.PENDING.name())
        .set(SMS_OUTBOX.NEXT_ATTEMPT_AT, at(now))
        .set(SMS_OUTBOX.IN_DOUBT, false)
        .where(SMS_OUTBOX.ID.eq(noticeId))
        .execute();
  }

  @Override
  public List<Notice> list(long officeId, Optional<NoticeStatus> status, int limit) {
    return db.selectFrom(SMS_OUTBOX)
        .where(SMS_OUTBOX.OFFICE_ID.eq(officeId))
        .and(status.map(s -> SMS_OUTBOX.STATUS.eq(s.name())).orElse(DSL.noCondition()))
        .orderBy(SMS_OUTBOX.ID.desc())
        .limit(limit)
        .fetch(JooqNoticeStore::notice);
  }

  private static Notice notice(SmsOutboxRecord r) {
    return new Notice(
        r.getId(),
        r.getOfficeId(),
        r.getRequestId(),
        r.getPrintJobId(),
        NoticeKind.valueOf(r.getKind()),
        NoticeStatus.valueOf(r.getStatus()),
        r.getPhone(),
        r.getBody(),
        r.getAttempts(),
        r.getCreatedAt().toInstant(),
        instant(r.getNextAttemptAt()),
        instant(r.getAttemptStartedAt()),
        r.getInDoubt(),
        instant(r.getSentAt()),
        Optional.ofNullable(r.getGateway()),
        Optional.ofNullable(r.getGatewayMessageId()),
        Optional.ofNullable(r.getLastError()),
        Optional.ofNullable(r.getReport()),
        instant(r.getReportAt()));
  }

  private static Optional<Instant> instant(OffsetDateTime at) {
    return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String text) {
    return text.length() > 500 ? text.substring(0, 500) : text;
  }
}
