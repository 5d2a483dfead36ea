package org.cetak.notify.jooq;

import static org.cetak.db.jooq.Tables.CARD_CHECK;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;
import static org.cetak.db.jooq.Tables.SMS_OUTBOX;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.cetak.db.jooq.tables.SmsOutbox;
import org.cetak.intake.RequestStatus;
import org.cetak.notify.NoticeKind;
import org.cetak.notify.NoticeStatus;
import org.cetak.notify.NoticeStore.ReminderDue;
import org.cetak.notify.NoticeStore.Unclaimed;
import org.cetak.notify.UnclaimedCard;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Printed cards nobody collected yet, read from {@code print_request} with what the outbox has told
 * their residents: the list officers chase, and the cards whose reminder is due.
 */
final class UncollectedCards {

  private static final List<String> COLLECTABLE =
      List.of(NoticeKind.READY.name(), NoticeKind.READY_AGAIN.name());
  private static final List<String> OUT =
      List.of(
          NoticeStatus.SENT.name(), NoticeStatus.DELIVERED.name(), NoticeStatus.NO_REPORT.name());

  private final DSLContext db;

  UncollectedCards(DSLContext db) {
    this.db = db;
  }

  List<UnclaimedCard> unclaimed(long officeId, Instant printedBefore, Instant now) {
    SmsOutbox last = SMS_OUTBOX.as("last_notice");
    SmsOutbox reminder = SMS_OUTBOX.as("reminder");
    var lastStatus =
        DSL.field(
            DSL.select(last.STATUS)
                .from(last)
                .where(last.REQUEST_ID.eq(PRINT_REQUEST.ID))
                .orderBy(last.ID.desc())
                .limit(1));
    var reminders =
        DSL.field(
            DSL.selectCount()
                .from(reminder)
                .where(reminder.REQUEST_ID.eq(PRINT_REQUEST.ID))
                .and(reminder.KIND.eq(NoticeKind.REMINDER.name()))
                .and(reminder.STATUS.in(OUT)));
    return db.select(
            PRINT_REQUEST.ID, PRINT_REQUEST.PRINTED_AT, PRINT_REQUEST.PHONE, lastStatus, reminders)
        .from(PRINT_REQUEST)
        .where(unclaimed(officeId, printedBefore))
        .orderBy(PRINT_REQUEST.PRINTED_AT, PRINT_REQUEST.ID)
        .fetch(
            r -> {
              Instant printed = r.get(PRINT_REQUEST.PRINTED_AT).toInstant();
              return new UnclaimedCard(
                  r.get(PRINT_REQUEST.ID),
                  printed,
                  Duration.between(printed, now).toDays(),
                  r.get(PRINT_REQUEST.PHONE) != null,
                  Optional.ofNullable(r.get(lastStatus)).map(NoticeStatus::valueOf),
                  r.get(reminders));
            });
  }

  /** The count and the oldest of what {@link #unclaimed} lists, as one aggregate. */
  Unclaimed count(long officeId, Instant printedBefore, Instant now) {
    var oldest = DSL.min(PRINT_REQUEST.PRINTED_AT);
    var row =
        db.select(DSL.count(), oldest)
            .from(PRINT_REQUEST)
            .where(unclaimed(officeId, printedBefore))
            .fetchSingle();
    return new Unclaimed(
        row.value1(),
        row.value2() == null ? 0 : Duration.between(row.value2().toInstant(), now).toDays());
  }

  /** Printed before then, not handed over, and not waiting in the print room's check. */
  private static Condition unclaimed(long officeId, Instant printedBefore) {
    return PRINT_REQUEST
        .OFFICE_ID
        .eq(officeId)
        .and(PRINT_REQUEST.STATUS.eq(RequestStatus.PRINTED.name()))
        .and(PRINT_REQUEST.PRINTED_AT.lt(printedBefore.atOffset(ZoneOffset.UTC)))
        // a card still in the print room's check is not at the counter yet
        .andNotExists(
            DSL.selectOne()
                .from(CARD_CHECK)
                .where(CARD_CHECK.REQUEST_ID.eq(PRINT_REQUEST.ID))
                .and(CARD_CHECK.STATUS.eq("WAITING")));
  }

  List<ReminderDue> remindersDue(long officeId, Instant collectableBefore) {
    SmsOutbox ready = SMS_OUTBOX.as("ready");
    SmsOutbox reminder = SMS_OUTBOX.as("reminder");
    return db.select(PRINT_REQUEST.ID, ready.PRINT_JOB_ID, PRINT_REQUEST.NAME, ready.PHONE)
        .distinctOn(PRINT_REQUEST.ID)
        .from(PRINT_REQUEST)
        .join(ready)
        .on(ready.REQUEST_ID.eq(PRINT_REQUEST.ID))
        .where(PRINT_REQUEST.OFFICE_ID.eq(officeId))
        .and(PRINT_REQUEST.STATUS.eq(RequestStatus.PRINTED.name()))
        .and(ready.CREATED_AT.lt(collectableBefore.atOffset(ZoneOffset.UTC)))
        .and(ready.KIND.in(COLLECTABLE))
        .and(ready.STATUS.in(OUT))
        .andNotExists(
            DSL.selectOne()
                .from(reminder)
                .where(reminder.REQUEST_ID.eq(PRINT_REQUEST.ID))
                .and(reminder.KIND.eq(NoticeKind.REMINDER.name()))
                .and(reminder.PRINT_JOB_ID.eq(ready.PRINT_JOB_ID)))
        .orderBy(PRINT_REQUEST.ID, ready.ID.desc())
        .fetch(
            r ->
                new ReminderDue(
                    r.get(PRINT_REQUEST.ID),
                    r.get(ready.PRINT_JOB_ID),
                    r.get(PRINT_REQUEST.NAME),
                    r.get(ready.PHONE)));
  }
}
