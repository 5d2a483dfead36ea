package org.cetak.office.jooq;

import static org.cetak.db.jooq.Tables.AUDIT_EVENT;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cetak.db.jooq.tables.records.AuditEventRecord;
import org.cetak.office.Audit;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The audit trail in PostgreSQL; the table refuses UPDATE, DELETE and TRUNCATE. */
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

  @Override
  public List<Event> find(Query query) {
    return db.selectFrom(AUDIT_EVENT)
        .where(where(query))
        .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
        .offset(query.offset())
        .limit(query.limit())
        .fetch(JooqAudit::toEvent);
  }

  @Override
  public long count(Query query) {
    return db.fetchCount(AUDIT_EVENT, where(query));
  }

  private static Condition where(Query query) {
    List<Condition> conditions = new ArrayList<>();
    Condition offices = AUDIT_EVENT.OFFICE_ID.in(query.officeIds());
    conditions.add(query.installationWide() ? offices.or(AUDIT_EVENT.OFFICE_ID.isNull()) : offices);
    query.actor().ifPresent(a -> conditions.add(AUDIT_EVENT.ACTOR.eq(a)));
    query.action().ifPresent(a -> conditions.add(AUDIT_EVENT.ACTION.eq(a)));
    query
        .from()
        .ifPresent(f -> conditions.add(AUDIT_EVENT.OCCURRED_AT.ge(f.atOffset(ZoneOffset.UTC))));
    query
        .to()
        .ifPresent(t -> conditions.add(AUDIT_EVENT.OCCURRED_AT.lt(t.atOffset(ZoneOffset.UTC))));
    return DSL.and(conditions);
  }

  private static Event toEvent(AuditEventRecord r) {
    return new Event(
        r.getId(),
        r.getOccurredAt().toInstant(),
        Optional.ofNullable(r.getOfficeId()),
        r.getActor(),
        r.getAction(),
        r.getSubject(),
        r.getDetail());
  }
}
