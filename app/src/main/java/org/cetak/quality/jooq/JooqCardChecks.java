package org.cetak.quality.jooq;

import static org.cetak.db.jooq.Tables.CARD_CHECK;
import static org.cetak.db.jooq.Tables.NOTICE_SETTINGS;
import static org.cetak.db.jooq.Tables.PRINTER;
import static org.cetak.db.jooq.Tables.PRINT_JOB;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.cetak.notify.CollectableWhen;
import org.cetak.notify.NoticeSettings;
import org.cetak.notify.Outbox;
import org.cetak.quality.CardCheck;
import org.cetak.quality.CheckQueue;
import org.cetak.quality.CheckReason;
import org.cetak.quality.CheckStore;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;

/**
 * The quality check in PostgreSQL: {@code card_check}, one row per card that had to be checked. It
 * reads the office's switch from {@code notice_settings} (written by {@code notify}) and never
 * writes a request, a job or the ledger.
 */
public final class JooqCardChecks implements CheckStore, CheckQueue {

  private final DSLContext db;

  public JooqCardChecks(DSLContext db) {
    this.db = db;
  }

  @Override
  public boolean checksCards(long officeId) {
    CollectableWhen when =
        db.select(NOTICE_SETTINGS.COLLECTABLE_WHEN)
            .from(NOTICE_SETTINGS)
            .where(NOTICE_SETTINGS.OFFICE_ID.eq(officeId))
            .forShare()
            .fetchOptional(NOTICE_SETTINGS.COLLECTABLE_WHEN)
            .map(CollectableWhen::valueOf)
            .orElse(NoticeSettings.DEFAULT.collectableWhen());
    return when == CollectableWhen.QUALITY_CHECKED;
  }

  @Override
  public void awaitCheck(Outbox.PrintedCard card) {
    db.insertInto(CARD_CHECK)
        .set(CARD_CHECK.PRINT_JOB_ID, card.printJobId())
        .set(CARD_CHECK.OFFICE_ID, card.officeId())
        .set(CARD_CHECK.REQUEST_ID, card.requestId())
        .set(CARD_CHECK.CHIP_UID, card.cardUid())
        .set(CARD_CHECK.PRINTED_AT, card.printedAt().atOffset(ZoneOffset.UTC))
        .set(CARD_CHECK.STATUS, CardCheck.Status.WAITING.name())
        .onConflictDoNothing()
        .execute();
  }

  @Override
  public List<CardCheck> waiting(long officeId, int limit) {
    return select()
        .where(CARD_CHECK.OFFICE_ID.eq(officeId))
        .and(CARD_CHECK.STATUS.eq(CardCheck.Status.WAITING.name()))
        .orderBy(CARD_CHECK.PRINTED_AT, CARD_CHECK.PRINT_JOB_ID)
        .limit(limit)
        .fetch(JooqCardChecks::card);
  }

  @Override
  public int waitingCount(long officeId) {
    return db.fetchCount(
        CARD_CHECK,
        CARD_CHECK
            .OFFICE_ID
            .eq(officeId)
            .and(CARD_CHECK.STATUS.eq(CardCheck.Status.WAITING.name())));
  }

  @Override
  public Optional<CardCheck> lock(long printJobId) {
    Optional<Long> locked =
        db.select(CARD_CHECK.PRINT_JOB_ID)
            .from(CARD_CHECK)
            .where(CARD_CHECK.PRINT_JOB_ID.eq(printJobId))
            .forUpdate()
            .fetchOptional(CARD_CHECK.PRINT_JOB_ID);
    return locked.flatMap(
        id -> select().where(CARD_CHECK.PRINT_JOB_ID.eq(id)).fetchOptional(JooqCardChecks::card));
  }

  @Override
  public Optional<CardCheck> latestOf(long requestId) {
    return select()
        .where(CARD_CHECK.REQUEST_ID.eq(requestId))
        .orderBy(CARD_CHECK.PRINT_JOB_ID.desc())
        .limit(1)
        .fetchOptional(JooqCardChecks::card);
  }

  @Override
  public void passed(long printJobId, String uidRead, boolean byReader, String by, Instant at) {
    db.update(CARD_CHECK)
        .set(CARD_CHECK.STATUS, CardCheck.Status.PASSED.name())
        .set(CARD_CHECK.UID_READ, uidRead)
        .set(CARD_CHECK.READ_BY, byReader ? "READER" : "TYPED")
        .set(CARD_CHECK.CHECKED_BY, by)
        .set(CARD_CHECK.CHECKED_AT, at.atOffset(ZoneOffset.UTC))
        .where(CARD_CHECK.PRINT_JOB_ID.eq(printJobId))
        .and(CARD_CHECK.STATUS.eq(CardCheck.Status.WAITING.name()))
        .execute();
  }

  @Override
  public void rejected(
      long printJobId, CheckReason reason, String note, long movementId, String by, Instant at) {
    db.update(CARD_CHECK)
        .set(CARD_CHECK.STATUS, CardCheck.Status.REJECTED.name())
        .set(CARD_CHECK.REASON, reason.name())
        .set(CARD_CHECK.NOTE, note)
        .set(CARD_CHECK.MOVEMENT_ID, movementId)
        .set(CARD_CHECK.CHECKED_BY, by)
        .set(CARD_CHECK.CHECKED_AT, at.atOffset(ZoneOffset.UTC))
        .where(CARD_CHECK.PRINT_JOB_ID.eq(printJobId))
        .and(CARD_CHECK.STATUS.eq(CardCheck.Status.WAITING.name()))
        .execute();
  }

  private SelectOnConditionStep<Record> select() {
    return db.select(CARD_CHECK.fields())
        .select(PRINTER.CODE, PRINT_REQUEST.NAME)
        .from(CARD_CHECK)
        .join(PRINT_JOB)
        .on(PRINT_JOB.ID.eq(CARD_CHECK.PRINT_JOB_ID))
        .join(PRINTER)
        .on(PRINTER.ID.eq(PRINT_JOB.PRINTER_ID))
        .join(PRINT_REQUEST)
        .on(PRINT_REQUEST.ID.eq(CARD_CHECK.REQUEST_ID));
  }

  private static CardCheck card(Record r) {
    return new CardCheck(
        r.get(CARD_CHECK.PRINT_JOB_ID),
        r.get(CARD_CHECK.OFFICE_ID),
        r.get(CARD_CHECK.REQUEST_ID),
        r.get(PRINTER.CODE),
        r.get(PRINT_REQUEST.NAME),
        r.get(CARD_CHECK.CHIP_UID),
        r.get(CARD_CHECK.PRINTED_AT).toInstant(),
        CardCheck.Status.valueOf(r.get(CARD_CHECK.STATUS)),
        Optional.ofNullable(r.get(CARD_CHECK.UID_READ)),
        Optional.ofNullable(r.get(CARD_CHECK.REASON)).map(CheckReason::valueOf),
        Optional.ofNullable(r.get(CARD_CHECK.CHECKED_BY)),
        Optional.ofNullable(r.get(CARD_CHECK.CHECKED_AT)).map(OffsetDateTime::toInstant));
  }
}
