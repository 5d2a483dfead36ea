package org.cetak.request.jooq;

import static org.cetak.db.jooq.Tables.HANDOVER;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.cetak.intake.RequestStatus;
import org.cetak.pickup.PersonalDataStore;
import org.jooq.DSLContext;

/**
 * Erasure of handed-over requests' personal fields in PostgreSQL: here, beside the request
 * lifecycle, because this package alone writes {@code print_request}.
 */
public final class JooqPersonalDataStore implements PersonalDataStore {

  /** Marks the record's content hash: it was computed from fields that are gone. */
  private static final String ERASED_HASH = "erased";

  private final DSLContext db;

  public JooqPersonalDataStore(DSLContext db) {
    this.db = db;
  }

  @Override
  public List<Due> handedOverBefore(Instant cutoff, int limit) {
    return db.select(PRINT_REQUEST.ID, PRINT_REQUEST.OFFICE_ID, HANDOVER.HANDED_AT)
        .from(PRINT_REQUEST)
        .join(HANDOVER)
        .on(HANDOVER.REQUEST_ID.eq(PRINT_REQUEST.ID))
        .where(PRINT_REQUEST.STATUS.eq(RequestStatus.HANDED_OVER.name()))
        .and(PRINT_REQUEST.ERASED_AT.isNull())
        .and(HANDOVER.HANDED_AT.lt(cutoff.atOffset(ZoneOffset.UTC)))
        .orderBy(HANDOVER.HANDED_AT)
        .limit(limit)
        .fetch(r -> new Due(r.value1(), r.value2(), r.value3().toInstant()));
  }

  @Override
  public boolean erase(long requestId, Instant at) {
    return db.update(PRINT_REQUEST)
            .set(PRINT_REQUEST.KK, (String) null)
            .set(PRINT_REQUEST.BIRTH_PLACE, "")
            .set(PRINT_REQUEST.BIRTH_DATE, (LocalDate) null)
            .set(PRINT_REQUEST.BLOOD_TYPE, (String) null)
            .set(PRINT_REQUEST.ADDRESS, "")
            .set(PRINT_REQUEST.RT, "")
            .set(PRINT_REQUEST.RW, "")
            .set(PRINT_REQUEST.VILLAGE, "")
            .set(PRINT_REQUEST.RELIGION, "")
            .set(PRINT_REQUEST.MARITAL_STATUS, "")
            .set(PRINT_REQUEST.OCCUPATION, "")
            .set(PRINT_REQUEST.SUKET_NUMBER, (String) null)
            .set(PRINT_REQUEST.SUKET_DATE, (LocalDate) null)
            .set(PRINT_REQUEST.PHONE, (String) null)
            .set(PRINT_REQUEST.PHONE_RAW, (String) null)
            .set(PRINT_REQUEST.URGENT_REASON, (String) null)
            .set(PRINT_REQUEST.CONTENT_HASH, ERASED_HASH)
            .set(PRINT_REQUEST.ERASED_AT, at.atOffset(ZoneOffset.UTC))
            .set(PRINT_REQUEST.UPDATED_AT, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
            .where(PRINT_REQUEST.ID.eq(requestId))
            .and(PRINT_REQUEST.STATUS.eq(RequestStatus.HANDED_OVER.name()))
            .and(PRINT_REQUEST.ERASED_AT.isNull())
            .execute()
        == 1;
  }
}
