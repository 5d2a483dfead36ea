package org.cetak.office.jooq;

import static org.cetak.db.jooq.Tables.AUDIT_EVENT;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.cetak.office.Audit;
import org.jooq.DSLContext;

/** The audit trail in PostgreSQL; the table refuses UPDATE and DELETE. */
public final class JooqAudit implements Audit {

  private final DSLContext db;
  private final Clock clock;

  public JooqAudit(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public void record(Long officeId, String actor, String action, String subject, String detail) {
    db.insertInto(AUDIT_EVENT)
        .set(AUDIT_EVENT.OFFICE_ID, officeId)
        .set(AUDIT_EVENT.ACTOR, actor)
        .set(AUDIT_EVENT.ACTION, action)
        .set(AUDIT_EVENT.SUBJECT, subject)
        .set(AUDIT_EVENT.DETAIL, detail)
        .set(AUDIT_EVENT.OCCURRED_AT, OffsetDateTime.now(clock))
        .execute();
  }
}
