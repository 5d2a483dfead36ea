package org.cetak.printing.jooq;

import static org.cetak.db.jooq.Tables.APPROVAL;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;
import static org.cetak.db.jooq.Tables.REPRINT_FIRST_CARD_PROPOSAL;
import static org.cetak.db.jooq.Tables.REPRINT_GRANT;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cetak.intake.RequestStatus;
import org.cetak.platform.Jdbc;
import org.cetak.printing.FirstCard;
import org.cetak.printing.Reprints;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reprint grants in PostgreSQL. */
public final class JooqReprintStore implements Reprints.Store {

  /** First key of the per-request advisory lock of reprint proposals ("RPRT"). */
  private static final int LOCK_SPACE = 0x52505254;

  /**
   * The oldest unused grant of the office whose request is printed, stepping over the requests in
   * the array: asked before every card the station prepares, so a fixed text with bind values.
   */
  private static final String NEXT_GRANTED =
      """
      select g.request_id
        from reprint_grant g
        join print_request r on r.id = g.request_id
       where g.office_id = ? and g.used_by_job is null and r.status = '%s'
         and g.request_id <> all (?)
       order by g.id
       limit 1
      """
          .formatted(RequestStatus.PRINTED.name());

  private final DSLContext db;
  private final Clock clock;

  public JooqReprintStore(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Optional<Reprints.RequestState> request(long requestId) {
    return db.select(PRINT_REQUEST.OFFICE_ID, PRINT_REQUEST.STATUS, PRINT_REQUEST.CARD_UID)
        .from(PRINT_REQUEST)
        .where(PRINT_REQUEST.ID.eq(requestId))
        .fetchOptional(
            r ->
                new Reprints.RequestState(
                    r.value1(),
                    RequestStatus.valueOf(r.value2()),
                    Optional.ofNullable(r.value3())));
  }

  @Override
  public void grant(long officeId, long requestId, long approvalId, String reason) {
    db.insertInto(REPRINT_GRANT)
        .set(REPRINT_GRANT.OFFICE_ID, officeId)
        .set(REPRINT_GRANT.REQUEST_ID, requestId)
        .set(REPRINT_GRANT.APPROVAL_ID, approvalId)
        .set(REPRINT_GRANT.REASON, reason)
        .set(REPRINT_GRANT.GRANTED_AT, OffsetDateTime.now(clock))
        .set(
            REPRINT_GRANT.FIRST_CARD_UID,
            DSL.select(PRINT_REQUEST.CARD_UID)
                .from(PRINT_REQUEST)
                .where(PRINT_REQUEST.ID.eq(requestId)))
        .execute();
  }

  @Override
  public Optional<Long> claimGrant(long requestId) {
    return db.select(REPRINT_GRANT.ID)
        .from(REPRINT_GRANT)
        .where(REPRINT_GRANT.REQUEST_ID.eq(requestId))
        .and(REPRINT_GRANT.USED_BY_JOB.isNull())
        .orderBy(REPRINT_GRANT.ID)
        .limit(1)
        .forUpdate()
        .fetchOptional(REPRINT_GRANT.ID);
  }

  @Override
  public void useGrant(long grantId, long jobId) {
    db.update(REPRINT_GRANT)
        .set(REPRINT_GRANT.USED_BY_JOB, jobId)
        .where(REPRINT_GRANT.ID.eq(grantId))
        .execute();
  }

  @Override
  public Optional<Long> nextGranted(long officeId, Set<Long> skip) {
    Long[] skipped = skip.toArray(Long[]::new);
    return Jdbc.onConnection(
        db,
        () -> "read the next granted reprint of office " + officeId,
        c -> {
          Array skipArray = c.createArrayOf("bigint", skipped);
          try (PreparedStatement next = c.prepareStatement(NEXT_GRANTED)) {
            next.setLong(1, officeId);
            next.setArray(2, skipArray);
            try (ResultSet rs = next.executeQuery()) {
              return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
          } finally {
            skipArray.free();
          }
        });
  }

  @Override
  public Optional<Reprints.AwaitedFirstCard> awaitingFirstCard(long requestId) {
    return db.select(
            REPRINT_GRANT.ID,
            REPRINT_GRANT.OFFICE_ID,
            REPRINT_GRANT.APPROVAL_ID,
            REPRINT_GRANT.FIRST_CARD_UID)
        .from(REPRINT_GRANT)
        .where(REPRINT_GRANT.REQUEST_ID.eq(requestId))
        .and(REPRINT_GRANT.FIRST_CARD_OUTCOME.isNull())
        .orderBy(REPRINT_GRANT.ID)
        .limit(1)
        .forUpdate()
        .fetchOptional(
            r ->
                new Reprints.AwaitedFirstCard(
                    r.value1(), r.value2(), r.value3(), Optional.ofNullable(r.value4())));
  }

  @Override
  public boolean reprintPending(long requestId) {
    return db.fetchExists(
        REPRINT_GRANT,
        REPRINT_GRANT.REQUEST_ID.eq(requestId).and(REPRINT_GRANT.USED_BY_JOB.isNull()));
  }

  @Override
  public boolean reprintOpen(long requestId) {
    db.execute("select pg_advisory_xact_lock(?, ?)", LOCK_SPACE, Math.toIntExact(requestId));
    return reprintPending(requestId)
        || db.fetchExists(
            APPROVAL,
            APPROVAL
                .KIND
                .eq(Reprints.KIND)
                .and(APPROVAL.SUBJECT_ID.eq(requestId))
                .and(APPROVAL.STATUS.eq("PROPOSED")));
  }

  @Override
  public void recordFirstCard(long grantId, FirstCard card, long movementId, String by) {
    db.update(REPRINT_GRANT)
        .set(REPRINT_GRANT.FIRST_CARD_OUTCOME, card.outcome().name())
        .set(REPRINT_GRANT.FIRST_CARD_SERIAL, card.serial().orElse(null))
        .set(REPRINT_GRANT.POLICE_REPORT_NO, card.policeReportNo().orElse(null))
        .set(REPRINT_GRANT.FIRST_CARD_MOVEMENT_ID, movementId)
        .set(REPRINT_GRANT.FIRST_CARD_BY, by)
        .set(REPRINT_GRANT.FIRST_CARD_AT, OffsetDateTime.now(clock))
        .where(REPRINT_GRANT.ID.eq(grantId))
        .execute();
  }

  @Override
  public void proposeFirstCard(long approvalId, FirstCard card) {
    db.insertInto(REPRINT_FIRST_CARD_PROPOSAL)
        .set(REPRINT_FIRST_CARD_PROPOSAL.APPROVAL_ID, approvalId)
        .set(REPRINT_FIRST_CARD_PROPOSAL.OUTCOME, card.outcome().name())
        .set(REPRINT_FIRST_CARD_PROPOSAL.CHIP_UID, card.chipUid().orElse(null))
        .set(REPRINT_FIRST_CARD_PROPOSAL.SERIAL, card.serial().orElse(null))
        .set(REPRINT_FIRST_CARD_PROPOSAL.POLICE_REPORT_NO, card.policeReportNo().orElse(null))
        .execute();
  }

  @Override
  public Map<Long, FirstCard> proposedFirstCards(Collection<Long> approvalIds) {
    if (approvalIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, FirstCard> cards = new HashMap<>();
    db.selectFrom(REPRINT_FIRST_CARD_PROPOSAL)
        .where(REPRINT_FIRST_CARD_PROPOSAL.APPROVAL_ID.in(approvalIds))
        .forEach(
            r ->
                cards.put(
                    r.getApprovalId(),
                    new FirstCard(
                        FirstCard.Outcome.valueOf(r.getOutcome()),
                        Optional.ofNullable(r.getChipUid()),
                        Optional.ofNullable(r.getSerial()),
                        Optional.ofNullable(r.getPoliceReportNo()))));
    return cards;
  }
}
