package org.cetak.notify.jooq;

import static org.cetak.db.jooq.Tables.STATUS_OUTBOX;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.cetak.notify.Notices;
import org.cetak.notify.Outbox;
import org.jooq.DSLContext;

/**
 * The outboxes in PostgreSQL: the printed status for the centre in {@code status_outbox}, and the
 * resident's notice through {@link Notices#cardCollectable} unless the card waits for the quality
 * check.
 */
public final class JooqOutbox implements Outbox {

  private final DSLContext db;
  private final Clock clock;
  private final Notices notices;

  public JooqOutbox(DSLContext db, Clock clock, Notices notices) {
    this.db = db;
    this.clock = clock;
    this.notices = notices;
  }

  @Override
  public void cardPrinted(PrintedCard card, boolean awaitingCheck) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (!awaitingCheck) {
      notices.cardCollectable(
          new Notices.CollectableCard(
              card.officeId(),
              card.requestId(),
              card.printJobId(),
              card.residentName(),
              card.phone()));
    }
    db.insertInto(STATUS_OUTBOX)
        .set(STATUS_OUTBOX.OFFICE_ID, card.officeId())
        .set(STATUS_OUTBOX.REQUEST_ID, card.requestId())
        .set(STATUS_OUTBOX.PRINT_JOB_ID, card.printJobId())
        .set(STATUS_OUTBOX.NIK, card.nik())
        .set(STATUS_OUTBOX.CARD_UID, card.cardUid())
        .set(STATUS_OUTBOX.PRINTED_AT, card.printedAt().atOffset(ZoneOffset.UTC))
        .set(STATUS_OUTBOX.CREATED_AT, now)
        .onConflictDoNothing()
        .execute();
  }
}
