package org.cetak.notify.jooq;

import static org.cetak.db.jooq.Tables.OFFICE;
import static org.cetak.db.jooq.Tables.SMS_OUTBOX;
import static org.cetak.db.jooq.Tables.STATUS_OUTBOX;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cetak.notify.Outbox;
import org.cetak.notify.PickupMessage;
import org.jooq.DSLContext;

/** The outboxes in PostgreSQL. */
public final class JooqOutbox implements Outbox {

  private static final Duration NAME_KEPT_FOR = Duration.ofMinutes(5);

  private final DSLContext db;
  private final Clock clock;
  private final String officeHours;

  /** Office names, read again after a while so a renamed office shows in later messages. */
  private final Map<Long, Named> names = new ConcurrentHashMap<>();

  private record Named(String name, Instant readAt) {}

  public JooqOutbox(DSLContext db, Clock clock, String officeHours) {
    this.db = db;
    this.clock = clock;
    this.officeHours = officeHours;
  }

  @Override
  public void cardPrinted(PrintedCard card) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (card.phone().isPresent()) {
      String officeName = officeName(card.officeId());
      db.insertInto(SMS_OUTBOX)
          .set(SMS_OUTBOX.OFFICE_ID, card.officeId())
          .set(SMS_OUTBOX.REQUEST_ID, card.requestId())
          .set(SMS_OUTBOX.PRINT_JOB_ID, card.printJobId())
          .set(SMS_OUTBOX.PHONE, card.phone().get())
          .set(SMS_OUTBOX.BODY, PickupMessage.text(card.residentName(), officeName, officeHours))
          .set(SMS_OUTBOX.CREATED_AT, now)
          .onConflictDoNothing()
          .execute();
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

  private String officeName(long officeId) {
    Instant now = clock.instant();
    Named known = names.get(officeId);
    if (known != null && known.readAt().plus(NAME_KEPT_FOR).isAfter(now)) {
      return known.name();
    }
    String name =
        db.select(OFFICE.NAME).from(OFFICE).where(OFFICE.ID.eq(officeId)).fetchOne(OFFICE.NAME);
    names.put(officeId, new Named(name, now));
    return name;
  }
}
