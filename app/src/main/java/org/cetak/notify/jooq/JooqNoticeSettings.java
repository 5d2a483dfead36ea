package org.cetak.notify.jooq;

import static org.cetak.db.jooq.Tables.NOTICE_SETTINGS;
import static org.cetak.db.jooq.Tables.OFFICE;
import static org.cetak.db.jooq.Tables.SMS_TEMPLATE;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.cetak.notify.CollectableWhen;
import org.cetak.notify.NoticeKind;
import org.cetak.notify.NoticeSettings;
import org.jooq.DSLContext;

/**
 * What an office says about its SMS: its settings in {@code notice_settings} (time zone, sending
 * window, when a card counts as collectable, reminders) and its own wording of each notice in
 * {@code sms_template}.
 */
final class JooqNoticeSettings {

  private final DSLContext db;
  private final Clock clock;

  JooqNoticeSettings(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  NoticeSettings settings(long officeId) {
    return db.selectFrom(NOTICE_SETTINGS)
        .where(NOTICE_SETTINGS.OFFICE_ID.eq(officeId))
        .fetchOptional()
        .map(
            r ->
                new NoticeSettings(
                    ZoneId.of(r.getTimeZone()),
                    r.getOpeningHours(),
                    r.getWindowStart(),
                    r.getWindowEnd(),
                    CollectableWhen.valueOf(r.getCollectableWhen()),
                    r.getReminderAfterDays()))
        .orElse(NoticeSettings.DEFAULT);
  }

  void saveSettings(long officeId, NoticeSettings settings, String by) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    db.insertInto(NOTICE_SETTINGS)
        .set(NOTICE_SETTINGS.OFFICE_ID, officeId)
        .set(NOTICE_SETTINGS.TIME_ZONE, settings.zone().getId())
        .set(NOTICE_SETTINGS.OPENING_HOURS, settings.openingHours())
        .set(NOTICE_SETTINGS.WINDOW_START, settings.windowStart())
        .set(NOTICE_SETTINGS.WINDOW_END, settings.windowEnd())
        .set(NOTICE_SETTINGS.COLLECTABLE_WHEN, settings.collectableWhen().name())
        .set(NOTICE_SETTINGS.REMINDER_AFTER_DAYS, settings.reminderAfterDays())
        .set(NOTICE_SETTINGS.UPDATED_BY, by)
        .set(NOTICE_SETTINGS.UPDATED_AT, now)
        .onConflict(NOTICE_SETTINGS.OFFICE_ID)
        .doUpdate()
        .set(NOTICE_SETTINGS.TIME_ZONE, settings.zone().getId())
        .set(NOTICE_SETTINGS.OPENING_HOURS, settings.openingHours())
        .set(NOTICE_SETTINGS.WINDOW_START, settings.windowStart())
        .set(NOTICE_SETTINGS.WINDOW_END, settings.windowEnd())
        .set(NOTICE_SETTINGS.COLLECTABLE_WHEN, settings.collectableWhen().name())
        .set(NOTICE_SETTINGS.REMINDER_AFTER_DAYS, settings.reminderAfterDays())
        .set(NOTICE_SETTINGS.UPDATED_BY, by)
        .set(NOTICE_SETTINGS.UPDATED_AT, now)
        .execute();
  }

  Optional<String> template(long officeId, NoticeKind kind) {
    return db.select(SMS_TEMPLATE.BODY)
        .from(SMS_TEMPLATE)
        .where(SMS_TEMPLATE.OFFICE_ID.eq(officeId))
        .and(SMS_TEMPLATE.KIND.eq(kind.name()))
        .fetchOptional(SMS_TEMPLATE.BODY);
  }

  void saveTemplate(long officeId, NoticeKind kind, String body, String by) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    db.insertInto(SMS_TEMPLATE)
        .set(SMS_TEMPLATE.OFFICE_ID, officeId)
        .set(SMS_TEMPLATE.KIND, kind.name())
        .set(SMS_TEMPLATE.BODY, body)
        .set(SMS_TEMPLATE.UPDATED_BY, by)
        .set(SMS_TEMPLATE.UPDATED_AT, now)
        .onConflict(SMS_TEMPLATE.OFFICE_ID, SMS_TEMPLATE.KIND)
        .doUpdate()
        .set(SMS_TEMPLATE.BODY, body)
        .set(SMS_TEMPLATE.UPDATED_BY, by)
        .set(SMS_TEMPLATE.UPDATED_AT, now)
        .execute();
  }

  String officeName(long officeId) {
    return db.select(OFFICE.NAME).from(OFFICE).where(OFFICE.ID.eq(officeId)).fetchOne(OFFICE.NAME);
  }
}
