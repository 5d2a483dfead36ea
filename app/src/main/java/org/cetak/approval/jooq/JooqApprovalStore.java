package org.cetak.approval.jooq;

import static org.cetak.db.jooq.Tables.APPROVAL;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.approval.ApprovalStore;
import org.cetak.db.jooq.tables.records.ApprovalRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Approvals in PostgreSQL; a CHECK refuses a decision by the proposer as a last guard. */
public final class JooqApprovalStore implements ApprovalStore {

  private final DSLContext db;
  private final Clock clock;

  public JooqApprovalStore(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Approval insert(
      long officeId,
      String kind,
      Optional<Long> subjectId,
      String summary,
      String payload,
      String proposedBy) {
    return toApproval(
        db.insertInto(APPROVAL)
            .set(APPROVAL.OFFICE_ID, officeId)
            .set(APPROVAL.KIND, kind)
            .set(APPROVAL.SUBJECT_ID, subjectId.orElse(null))
            .set(APPROVAL.SUMMARY, summary)
            .set(APPROVAL.PAYLOAD, payload)
            .set(APPROVAL.STATUS, Approval.Status.PROPOSED.name())
            .set(APPROVAL.PROPOSED_BY, proposedBy)
            .set(APPROVAL.PROPOSED_AT, OffsetDateTime.now(clock))
            .returning()
            .fetchSingle());
  }

  @Override
  public Optional<Approval> byId(long id) {
    return db.selectFrom(APPROVAL)
        .where(APPROVAL.ID.eq(id))
        .fetchOptional(JooqApprovalStore::toApproval);
  }

  @Override
  public Optional<Approval> lock(long id) {
    return db.selectFrom(APPROVAL)
        .where(APPROVAL.ID.eq(id))
        .forUpdate()
        .fetchOptional(JooqApprovalStore::toApproval);
  }

  @Override
  public Approval decide(long id, Approval.Status status, String decidedBy, String note) {
    return toApproval(
        db.update(APPROVAL)
            .set(APPROVAL.STATUS, status.name())
            .set(APPROVAL.DECIDED_BY, decidedBy)
            .set(APPROVAL.DECIDED_AT, OffsetDateTime.now(clock))
            .set(APPROVAL.DECISION_NOTE, note)
            .where(APPROVAL.ID.eq(id))
            .returning()
            .fetchSingle());
  }

  @Override
  public List<Approval> list(long officeId, Optional<Approval.Status> status) {
    return db.selectFrom(APPROVAL)
        .where(APPROVAL.OFFICE_ID.eq(officeId))
        .and(status.map(s -> APPROVAL.STATUS.eq(s.name())).orElse(DSL.trueCondition()))
        .orderBy(APPROVAL.ID.desc())
        .fetch(JooqApprovalStore::toApproval);
  }

  private static Approval toApproval(ApprovalRecord r) {
    return new Approval(
        r.getId(),
        r.getOfficeId(),
        r.getKind(),
        Optional.ofNullable(r.getSubjectId()),
        r.getSummary(),
        r.getPayload(),
        Approval.Status.valueOf(r.getStatus()),
        r.getProposedBy(),
        r.getProposedAt().toInstant(),
        Optional.ofNullable(r.getDecidedBy()),
        Optional.ofNullable(r.getDecidedAt()).map(OffsetDateTime::toInstant),
        r.getDecisionNote());
  }
}
