package org.cetak.request.jooq;

import static org.cetak.db.jooq.Tables.PRINT_REQUEST;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST_EVENT;
import static org.cetak.db.jooq.Tables.RESERVATION;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.cetak.db.jooq.tables.records.PrintRequestRecord;
import org.cetak.intake.RequestStatus;
import org.cetak.intake.ResidentRecord;
import org.cetak.stock.ReservationCeiling;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Reservations of blanks: an allocation run's, written set-based from the rows it ranked, an urgent
 * walk-in's, and their release when a request is withdrawn; each reserved request becomes RESERVED
 * with a history row. The ranking SQL stays in {@code allocation.jooq}; this class only writes.
 * Runs in the run's transaction.
 */
public final class Reservations {

  private final DSLContext db;
  private final ReservationCeiling ceiling;

  public Reservations(DSLContext db) {
    this(db, ReservationCeiling.none());
  }

  /**
   * Reservations that tell {@code ceiling} when they grow, so that a spoil committed meanwhile
   * cannot leave more reservations than blanks.
   */
  public Reservations(DSLContext db, ReservationCeiling ceiling) {
    this.db = db;
    this.ceiling = ceiling;
  }

  /** Open reservations of the office's withdrawn requests are released; returns how many. */
  public int releaseWithdrawn(long officeId, OffsetDateTime now) {
    return db.update(RESERVATION)
        .set(RESERVATION.RELEASED_AT, now)
        .set(RESERVATION.RELEASE_REASON, "request withdrawn")
        .where(RESERVATION.OFFICE_ID.eq(officeId))
        .and(RESERVATION.RELEASED_AT.isNull())
        .and(RESERVATION.CONSUMED_AT.isNull())
        .and(
            RESERVATION.REQUEST_ID.in(
                select(PRINT_REQUEST.ID)
                    .from(PRINT_REQUEST)
                    .where(PRINT_REQUEST.OFFICE_ID.eq(officeId))
                    .and(PRINT_REQUEST.STATUS.eq(RequestStatus.WITHDRAWN.name()))))
        .execute();
  }

  /**
   * Part of an allocation run's reservations: one per row of {@code top} (a ranked selection),
   * ranked after the run's {@code rankedBefore} earlier ones in the order of tier, Suket key, ready
   * time and request id. Returns how many were reserved; {@link #markReserved} then moves the run's
   * requests.
   */
  public int reserveRanked(
      long officeId,
      long runId,
      int policyVersion,
      Table<?> top,
      Field<Long> topId,
      Field<Integer> topTier,
      Field<String> rankedRule,
      Field<LocalDate> rankedSuket,
      Field<OffsetDateTime> rankedAt,
      int rankedBefore,
      OffsetDateTime now) {
    return db.insertInto(
            RESERVATION,
            RESERVATION.REQUEST_ID,
            RESERVATION.OFFICE_ID,
            RESERVATION.RUN_ID,
            RESERVATION.TIER,
            RESERVATION.RULE,
            RESERVATION.QUEUE_RANK,
            RESERVATION.POLICY_VERSION,
            RESERVATION.RESERVED_AT,
            RESERVATION.SUKET_KEY,
            RESERVATION.READY_AT)
        .select(
            select(
                    topId,
                    val(officeId),
                    val(runId),
                    topTier,
                    rankedRule,
                    rowNumber()
                        .over()
                        .orderBy(topTier, rankedSuket, rankedAt, topId)
                        .plus(inline(rankedBefore))
                        .cast(Integer.class),
                    val(policyVersion),
                    val(now),
                    rankedSuket,
                    rankedAt)
                .from(top))
        .execute();
  }

  /**
   * An allocation run's reserved requests become RESERVED, each with a history row naming the run,
   * tier, rule and rank. Returns how many.
   */
  public int markReserved(long officeId, long runId, OffsetDateTime now) {
    ceiling.check(officeId);
    int reserved =
        db.update(PRINT_REQUEST)
            .set(PRINT_REQUEST.STATUS, RequestStatus.RESERVED.name())
            .set(PRINT_REQUEST.STATUS_AT, now)
            .set(PRINT_REQUEST.UPDATED_AT, now)
            .from(RESERVATION)
            .where(RESERVATION.RUN_ID.eq(runId))
            .and(PRINT_REQUEST.ID.eq(RESERVATION.REQUEST_ID))
            .execute();
    db.insertInto(
            PRINT_REQUEST_EVENT,
            PRINT_REQUEST_EVENT.REQUEST_ID,
            PRINT_REQUEST_EVENT.FROM_STATUS,
            PRINT_REQUEST_EVENT.TO_STATUS,
            PRINT_REQUEST_EVENT.REASON,
            PRINT_REQUEST_EVENT.ACTOR,
            PRINT_REQUEST_EVENT.OCCURRED_AT)
        .select(
            select(
                    RESERVATION.REQUEST_ID,
                    inline(RequestStatus.QUEUED.name()),
                    inline(RequestStatus.RESERVED.name()),
                    DSLHelpers.reservedReason(runId),
                    val("allocation"),
                    val(now))
                .from(RESERVATION)
                .where(RESERVATION.RUN_ID.eq(runId)))
        .execute();
    return reserved;
  }

  /**
   * Reserves a blank for one queued, eligible request outside the ranking (an urgent walk-in a
   * supervisor approved); false, nothing changed, when it is not queued and eligible.
   *
   * @param noSuket the Suket key of a request without a Suket (ranked last among equals)
   */
  public boolean reserveOne(
      long requestId,
      long runId,
      String rule,
      String approvedBy,
      int policyVersion,
      LocalDate noSuket,
      OffsetDateTime now) {
    PrintRequestRecord request =
        db.selectFrom(PRINT_REQUEST).where(PRINT_REQUEST.ID.eq(requestId)).forUpdate().fetchOne();
    if (request == null
        || RequestStatus.valueOf(request.getStatus()) != RequestStatus.QUEUED
        || !request.getSiakStatus().equals(ResidentRecord.PRINT_READY)
        || !request.getHasPhoto()) {
      return false;
    }
    ceiling.check(request.getOfficeId());
    db.insertInto(RESERVATION)
        .set(RESERVATION.REQUEST_ID, requestId)
        .set(RESERVATION.OFFICE_ID, request.getOfficeId())
        .set(RESERVATION.RUN_ID, runId)
        .set(RESERVATION.TIER, 0)
        .set(RESERVATION.RULE, rule)
        .set(RESERVATION.QUEUE_RANK, 1)
        .set(RESERVATION.POLICY_VERSION, policyVersion)
        .set(RESERVATION.RESERVED_AT, now)
        .set(RESERVATION.APPROVED_BY, approvedBy)
        .set(
            RESERVATION.SUKET_KEY,
            request.getSuketDate() == null ? noSuket : request.getSuketDate())
        .set(RESERVATION.READY_AT, request.getSiakStatusAt())
        .execute();
    db.update(PRINT_REQUEST)
        .set(PRINT_REQUEST.STATUS, RequestStatus.RESERVED.name())
        .set(PRINT_REQUEST.STATUS_AT, now)
        .set(PRINT_REQUEST.UPDATED_AT, now)
        .where(PRINT_REQUEST.ID.eq(requestId))
        .execute();
    db.insertInto(PRINT_REQUEST_EVENT)
        .set(PRINT_REQUEST_EVENT.REQUEST_ID, requestId)
        .set(PRINT_REQUEST_EVENT.FROM_STATUS, RequestStatus.QUEUED.name())
        .set(PRINT_REQUEST_EVENT.TO_STATUS, RequestStatus.RESERVED.name())
        .set(PRINT_REQUEST_EVENT.REASON, "urgent walk-in approved, run " + runId)
        .set(PRINT_REQUEST_EVENT.ACTOR, approvedBy)
        .set(PRINT_REQUEST_EVENT.OCCURRED_AT, now)
        .execute();
    return true;
  }

  private static final class DSLHelpers {
    static Field<String> reservedReason(long runId) {
      return org.jooq.impl.DSL.concat(
          inline("reserved by allocation run " + runId + ", tier "),
          RESERVATION.TIER.cast(String.class),
          inline(", rule "),
          RESERVATION.RULE,
          inline(", rank "),
          RESERVATION.QUEUE_RANK.cast(String.class));
    }
  }
}
