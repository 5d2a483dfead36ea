package org.cetak.statuscheck.jooq;

import static org.cetak.db.jooq.Tables.CARD_CHECK;
import static org.cetak.db.jooq.Tables.HANDOVER;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.cetak.intake.RequestStatus;
import org.cetak.statuscheck.ResidentRequest;
import org.cetak.statuscheck.ResidentRequests;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** A resident's latest request in PostgreSQL; the estimate comes from allocation. */
public final class JooqResidentRequests implements ResidentRequests {

  /** Allocation's estimate for a NIK, when it has one. */
  public interface Estimates {
    Optional<PrintWindow> of(String nik);
  }

  private final DSLContext db;
  private final Estimates estimates;

  public JooqResidentRequests(DSLContext db, Estimates estimates) {
    this.db = db;
    this.estimates = estimates;
  }

  @Override
  public Optional<ResidentRequest> latest(String nik) {
    return db.select(
            PRINT_REQUEST.ID,
            PRINT_REQUEST.OFFICE_ID,
            PRINT_REQUEST.BIRTH_DATE,
            PRINT_REQUEST.STATUS,
            PRINT_REQUEST.PRINTED_AT,
            HANDOVER.HANDED_AT,
            DSL.exists(
                DSL.selectOne()
                    .from(CARD_CHECK)
                    .where(CARD_CHECK.REQUEST_ID.eq(PRINT_REQUEST.ID))
                    .and(CARD_CHECK.STATUS.eq("WAITING"))))
        .from(PRINT_REQUEST)
        .leftJoin(HANDOVER)
        .on(HANDOVER.REQUEST_ID.eq(PRINT_REQUEST.ID))
        .where(PRINT_REQUEST.NIK.eq(nik))
        .orderBy(PRINT_REQUEST.ID.desc())
        .limit(1)
        .fetchOptional(
            r ->
                new ResidentRequest(
                    r.value1(),
                    r.value2(),
                    Optional.ofNullable(r.value3()),
                    RequestStatus.valueOf(r.value4()),
                    Optional.ofNullable(r.value5()).map(OffsetDateTime::toInstant),
                    Optional.ofNullable(r.value6()).map(OffsetDateTime::toInstant),
                    r.value7()));
  }

  @Override
  public Optional<PrintWindow> estimate(String nik) {
    return estimates.of(nik);
  }
}
