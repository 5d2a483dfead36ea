package org.cetak.printing.jooq;

import static org.cetak.db.jooq.Tables.PAYLOAD_WAIT;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;
import static org.cetak.db.jooq.Tables.REPRINT_GRANT;
import static org.cetak.db.jooq.Tables.REQUEST_PAYLOAD;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.cetak.intake.RequestStatus;
import org.cetak.printing.PayloadWaits;
import org.jooq.DSLContext;

/** The requests waiting for their payload, in {@code payload_wait}. */
public final class JooqPayloadWaits implements PayloadWaits {

  private final DSLContext db;

  public JooqPayloadWaits(DSLContext db) {
    this.db = db;
  }

  @Override
  public void waiting(long officeId, long requestId, Reason reason, String detail, Instant at) {
    OffsetDateTime now = at.atOffset(ZoneOffset.UTC);
    db.insertInto(PAYLOAD_WAIT)
        .set(PAYLOAD_WAIT.REQUEST_ID, requestId)
        .set(PAYLOAD_WAIT.OFFICE_ID, officeId)
        .set(PAYLOAD_WAIT.REASON, reason.name())
        .set(PAYLOAD_WAIT.DETAIL, detail)
        .set(PAYLOAD_WAIT.SINCE, now)
        .set(PAYLOAD_WAIT.LAST_TRIED_AT, now)
        .set(PAYLOAD_WAIT.TRIES, 1)
        .onConflict(PAYLOAD_WAIT.REQUEST_ID)
        .doUpdate()
        .set(PAYLOAD_WAIT.REASON, reason.name())
        .set(PAYLOAD_WAIT.DETAIL, detail)
        .set(PAYLOAD_WAIT.LAST_TRIED_AT, now)
        .set(PAYLOAD_WAIT.TRIES, PAYLOAD_WAIT.TRIES.plus(1))
        .execute();
  }

  @Override
  public void found(long requestId) {
    db.deleteFrom(PAYLOAD_WAIT).where(PAYLOAD_WAIT.REQUEST_ID.eq(requestId)).execute();
  }

  /**
   * Rows of requests printed, withdrawn or given their photo meanwhile (by a later bundle) are left
   * out: those wait no longer. A request put aside because its stored photo cannot be read has a
   * photo and is listed until its payload is fetched again or it is printed.
   */
  @Override
  public List<Waiting> waiting(long officeId) {
    return db.select(
            PAYLOAD_WAIT.REQUEST_ID,
            PAYLOAD_WAIT.REASON,
            PAYLOAD_WAIT.DETAIL,
            PAYLOAD_WAIT.SINCE,
            PAYLOAD_WAIT.LAST_TRIED_AT,
            PAYLOAD_WAIT.TRIES)
        .from(PAYLOAD_WAIT)
        .join(PRINT_REQUEST)
        .on(PRINT_REQUEST.ID.eq(PAYLOAD_WAIT.REQUEST_ID))
        .where(PAYLOAD_WAIT.OFFICE_ID.eq(officeId))
        .and(
            PRINT_REQUEST
                .STATUS
                .in(RequestStatus.HOLDING_BLANK.stream().map(Enum::name).toList())
                .or(
                    PRINT_REQUEST
                        .STATUS
                        .eq(RequestStatus.PRINTED.name())
                        .and(
                            exists(
                                selectOne()
                                    .from(REPRINT_GRANT)
                                    .where(REPRINT_GRANT.REQUEST_ID.eq(PAYLOAD_WAIT.REQUEST_ID))
                                    .and(REPRINT_GRANT.USED_BY_JOB.isNull())))))
        .and(
            notExists(
                    selectOne()
                        .from(REQUEST_PAYLOAD)
                        .where(REQUEST_PAYLOAD.REQUEST_ID.eq(PAYLOAD_WAIT.REQUEST_ID))
                        .and(REQUEST_PAYLOAD.PHOTO.isNotNull()))
                .or(PAYLOAD_WAIT.REASON.eq(Reason.FACE_UNREADABLE.name())))
        .orderBy(PAYLOAD_WAIT.SINCE, PAYLOAD_WAIT.REQUEST_ID)
        .fetch(
            r ->
                new Waiting(
                    r.value1(),
                    Reason.valueOf(r.value2()),
                    r.value3(),
                    r.value4().toInstant(),
                    r.value5().toInstant(),
                    r.value6()));
  }
}
