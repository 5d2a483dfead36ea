package org.cetak.request.jooq;

import static org.cetak.db.jooq.Tables.IMPORT_ROW;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST_EVENT;
import static org.cetak.db.jooq.Tables.REQUEST_PAYLOAD;
import static org.cetak.db.jooq.Tables.RESERVATION;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cetak.allocation.AllocationError;
import org.cetak.common.DomainException;
import org.cetak.common.Transactions;
import org.cetak.db.jooq.tables.records.PrintRequestRecord;
import org.cetak.intake.Payloads;
import org.cetak.intake.RequestStatus;
import org.cetak.intake.ResidentRecord;
import org.cetak.request.RequestLifecycle;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The one writer of a print request's life in PostgreSQL: {@code print_request}, its status history
 * {@code print_request_event}, its {@code reservation} of a blank and its biometric {@code
 * request_payload}. The print station and officers move one request at a time through {@link
 * RequestLifecycle}; an import and an allocation run move many at once, set-based, through the
 * methods below that take the rows they staged or ranked (their SQL stays theirs: this class only
 * writes).
 */
public final class JooqRequestLifecycle implements RequestLifecycle {

  /** The record columns shared by import_row and print_request, in COPY order. */
  public static final List<String> RECORD_COLUMNS =
      List.of(
          "nik",
          "kk",
          "name",
          "sex",
          "birth_place",
          "birth_date",
          "blood_type",
          "address",
          "rt",
          "rw",
          "village",
          "district",
          "regency",
          "province",
          "religion",
          "marital_status",
          "occupation",
          "citizenship",
          "siak_status",
          "siak_status_at",
          "reason",
          "urgent_reason",
          "vulnerable",
          "disabled",
          "suket_number",
          "suket_date",
          "phone",
          "phone_raw",
          "flags",
          "has_photo",
          "content_hash");

  private final DSLContext db;
  private final Transactions transactions;
  private final Clock clock;

  public JooqRequestLifecycle(DSLContext db, Transactions transactions, Clock clock) {
    this.db = db;
    this.transactions = transactions;
    this.clock = clock;
  }

  static List<String> names(Collection<RequestStatus> statuses) {
    return statuses.stream().map(Enum::name).toList();
  }

  @Override
  public void storePayloads(long requestId, Payloads p) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    transactions.run(
        () ->
            db.insertInto(REQUEST_PAYLOAD)
                .set(REQUEST_PAYLOAD.REQUEST_ID, requestId)
                .set(REQUEST_PAYLOAD.PHOTO, p.photo().orElse(null))
                .set(REQUEST_PAYLOAD.SIGNATURE, p.signature().orElse(null))
                .set(REQUEST_PAYLOAD.FINGERPRINTS, p.fingerprints().orElse(null))
                .set(REQUEST_PAYLOAD.STORED_AT, now)
                .onConflict(REQUEST_PAYLOAD.REQUEST_ID)
                .doUpdate()
                .set(REQUEST_PAYLOAD.PHOTO, p.photo().orElse(null))
                .set(REQUEST_PAYLOAD.SIGNATURE, p.signature().orElse(null))
                .set(REQUEST_PAYLOAD.FINGERPRINTS, p.fingerprints().orElse(null))
                .set(REQUEST_PAYLOAD.STORED_AT, now)
                .execute());
  }

  @Override
  public void markPrinting(long requestId, String actor) {
    move(requestId, RequestStatus.PRINTING, "printing", actor, null, null);
  }

  @Override
  public boolean startPrinting(long requestId, boolean reprint, String actor) {
    Set<RequestStatus> from =
        reprint
            ? EnumSet.of(RequestStatus.PRINTED)
            : EnumSet.of(RequestStatus.RESERVED, RequestStatus.FAILED_REQUEUED);
    String reason = reprint ? "approved reprint" : "printing";
    return transactions
        .inTransaction(
            () -> moveFrom(requestId, from, RequestStatus.PRINTING, reason, actor, null, null))
        .isPresent();
  }

  @Override
  public Recipient markPrinted(long requestId, String cardUid, Instant printedAt, String actor) {
    return move(
        requestId, RequestStatus.PRINTED, "printed, chip " + cardUid, actor, cardUid, printedAt);
  }

  @Override
  public void requeue(long requestId, String reason, String actor) {
    move(requestId, RequestStatus.FAILED_REQUEUED, reason, actor, null, null);
  }

  @Override
  public Optional<RequestStatus> lockStatus(long requestId) {
    return db.select(PRINT_REQUEST.STATUS)
        .from(PRINT_REQUEST)
        .where(PRINT_REQUEST.ID.eq(requestId))
        .forUpdate()
        .fetchOptional(PRINT_REQUEST.STATUS)
        .map(RequestStatus::valueOf);
  }

  @Override
  public void markOutcomeUnknown(long requestId, String reason, String actor) {
    move(requestId, RequestStatus.OUTCOME_UNKNOWN, reason, actor, null, null);
  }

  @Override
  public void markHandedOver(long requestId, String actor) {
    move(requestId, RequestStatus.HANDED_OVER, "handed over", actor, null, null);
  }

  @Override
  public void withdraw(long requestId, String reason, String actor) {
    if (reason == null || reason.isBlank()) {
      throw new DomainException(AllocationError.REASON_REQUIRED, "A withdrawal needs a reason");
    }
    move(requestId, RequestStatus.WITHDRAWN, reason, actor, null, null);
  }

  /** A move its status allows, else refused with the reason. */
  private Recipient move(
      long requestId,
      RequestStatus to,
      String reason,
      String actor,
      String cardUid,
      Instant printedAt) {
    Set<RequestStatus> from = EnumSet.noneOf(RequestStatus.class);
    for (RequestStatus status : RequestStatus.values()) {
      if (status.canMoveTo(to)) {
        from.add(status);
      }
    }
    return transactions.inTransaction(
        () -> {
          Optional<Recipient> moved =
              moveFrom(requestId, from, to, reason, actor, cardUid, printedAt);
          if (moved.isPresent()) {
            return moved.get();
          }
          String now =
              db.select(PRINT_REQUEST.STATUS)
                  .from(PRINT_REQUEST)
                  .where(PRINT_REQUEST.ID.eq(requestId))
                  .fetchOptional(PRINT_REQUEST.STATUS)
                  .orElseThrow(
                      () ->
                          new DomainException(
                              AllocationError.NO_REQUEST, "No print request " + requestId));
          throw new DomainException(
              AllocationError.REQUEST_STATUS_CONFLICT,
              "Request " + requestId + " is " + now + " and cannot become " + to);
        });
  }

  /**
   * Moves the request to {@code to} when its status is one of {@code from}: one statement locks the
   * row, checks and updates it, and returns the status it had and the resident to notify. Empty,
   * with nothing changed, when the request is missing or in another status.
   */
  private Optional<Recipient> moveFrom(
      long requestId,
      Set<RequestStatus> from,
      RequestStatus to,
      String reason,
      String actor,
      String cardUid,
      Instant printedAt) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Table<?> before =
        select(PRINT_REQUEST.ID, PRINT_REQUEST.STATUS)
            .from(PRINT_REQUEST)
            .where(PRINT_REQUEST.ID.eq(requestId))
            .forUpdate()
            .asTable("before");
    Field<String> fromStatus = before.field(PRINT_REQUEST.STATUS);
    var update =
        db.update(PRINT_REQUEST)
            .set(PRINT_REQUEST.STATUS, to.name())
            .set(PRINT_REQUEST.STATUS_AT, now)
            .set(PRINT_REQUEST.UPDATED_AT, now);
    if (to == RequestStatus.PRINTED) {
      update =
          update
              .set(PRINT_REQUEST.PRINTED_AT, OffsetDateTime.ofInstant(printedAt, clock.getZone()))
              .set(PRINT_REQUEST.CARD_UID, cardUid);
    }
    if (to == RequestStatus.WITHDRAWN) {
      update = update.set(PRINT_REQUEST.WITHDRAWN_REASON, reason);
    }
    Optional<Record4<String, String, String, String>> moved =
        update
            .from(before)
            .where(PRINT_REQUEST.ID.eq(before.field(PRINT_REQUEST.ID)))
            .and(fromStatus.in(names(from)))
            .returningResult(fromStatus, PRINT_REQUEST.NIK, PRINT_REQUEST.NAME, PRINT_REQUEST.PHONE)
            .fetchOptional();
    if (moved.isEmpty()) {
      return Optional.empty();
    }
    if (to == RequestStatus.PRINTED || to == RequestStatus.WITHDRAWN) {
      var open =
          db.update(RESERVATION)
              .set(
                  to == RequestStatus.PRINTED ? RESERVATION.CONSUMED_AT : RESERVATION.RELEASED_AT,
                  now);
      if (to == RequestStatus.WITHDRAWN) {
        open = open.set(RESERVATION.RELEASE_REASON, "request withdrawn: " + reason);
      }
      open.where(RESERVATION.REQUEST_ID.eq(requestId))
          .and(RESERVATION.RELEASED_AT.isNull())
          .and(RESERVATION.CONSUMED_AT.isNull())
          .execute();
      // biometrics are kept only as long as printing needs them (UU 27/2022)
      db.deleteFrom(REQUEST_PAYLOAD).where(REQUEST_PAYLOAD.REQUEST_ID.eq(requestId)).execute();
    }
    Record4<String, String, String, String> row = moved.get();
    db.insertInto(PRINT_REQUEST_EVENT)
        .set(PRINT_REQUEST_EVENT.REQUEST_ID, requestId)
        .set(PRINT_REQUEST_EVENT.FROM_STATUS, row.value1())
        .set(PRINT_REQUEST_EVENT.TO_STATUS, to.name())
        .set(PRINT_REQUEST_EVENT.REASON, reason == null ? "" : reason)
        .set(PRINT_REQUEST_EVENT.ACTOR, actor)
        .set(PRINT_REQUEST_EVENT.OCCURRED_AT, now)
        .execute();
    return Optional.of(
        new Recipient(row.value2(), row.value3(), Optional.ofNullable(row.value4())));
  }

  // --- an import: many requests at once, from the rows it staged ---------------------------

  /**
   * An import's new requests: one QUEUED request, its first history row and its payloads for each
   * staged row of {@code isNew}.
   */
  public void createImported(
      long officeId,
      long importId,
      String source,
      String actor,
      org.jooq.Condition isNew,
      OffsetDateTime now) {
    List<Field<?>> target = new ArrayList<>();
    List<Field<?>> values = new ArrayList<>();
    target.add(PRINT_REQUEST.OFFICE_ID);
    values.add(val(officeId));
    for (String column : RECORD_COLUMNS) {
      target.add(col(PRINT_REQUEST, column));
      values.add(col(IMPORT_ROW, column));
    }
    target.addAll(
        List.of(
            PRINT_REQUEST.STATUS,
            PRINT_REQUEST.STATUS_AT,
            PRINT_REQUEST.SOURCE,
            PRINT_REQUEST.IMPORT_ID,
            PRINT_REQUEST.CREATED_AT,
            PRINT_REQUEST.UPDATED_AT));
    values.addAll(
        List.of(
            inline(RequestStatus.QUEUED.name()),
            val(now),
            val(source),
            val(importId),
            val(now),
            val(now)));
    db.insertInto(PRINT_REQUEST, target)
        .select(select(values).from(IMPORT_ROW).where(IMPORT_ROW.IMPORT_ID.eq(importId)).and(isNew))
        .execute();
    db.insertInto(
            PRINT_REQUEST_EVENT,
            PRINT_REQUEST_EVENT.REQUEST_ID,
            PRINT_REQUEST_EVENT.TO_STATUS,
            PRINT_REQUEST_EVENT.REASON,
            PRINT_REQUEST_EVENT.ACTOR,
            PRINT_REQUEST_EVENT.IMPORT_ID,
            PRINT_REQUEST_EVENT.OCCURRED_AT)
        .select(
            select(
                    PRINT_REQUEST.ID,
                    inline(RequestStatus.QUEUED.name()),
                    val("imported from " + source),
                    val(actor),
                    val(importId),
                    val(now))
                .from(PRINT_REQUEST)
                .where(PRINT_REQUEST.IMPORT_ID.eq(importId)))
        .execute();
    db.insertInto(
            REQUEST_PAYLOAD,
            REQUEST_PAYLOAD.REQUEST_ID,
            REQUEST_PAYLOAD.PHOTO,
            REQUEST_PAYLOAD.SIGNATURE,
            REQUEST_PAYLOAD.FINGERPRINTS,
            REQUEST_PAYLOAD.STORED_AT)
        .select(
            select(
                    PRINT_REQUEST.ID,
                    IMPORT_ROW.PHOTO,
                    IMPORT_ROW.SIGNATURE,
                    IMPORT_ROW.FINGERPRINTS,
                    val(now))
                .from(IMPORT_ROW)
                .join(PRINT_REQUEST)
                .on(PRINT_REQUEST.IMPORT_ID.eq(importId))
                .and(PRINT_REQUEST.NIK.eq(IMPORT_ROW.NIK))
                .where(IMPORT_ROW.IMPORT_ID.eq(importId))
                .and(isNew)
                .and(
                    IMPORT_ROW
                        .PHOTO
                        .isNotNull()
                        .or(IMPORT_ROW.SIGNATURE.isNotNull())
                        .or(IMPORT_ROW.FINGERPRINTS.isNotNull())))
        .execute();
  }

  private static Map<Field<?>, Field<?>> recordChanges(long importId, OffsetDateTime now) {
    Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
    for (String column : RECORD_COLUMNS) {
      set.put(col(PRINT_REQUEST, column), col(IMPORT_ROW, column));
    }
    // a row without a photo keeps the photo already stored
    set.put(
        PRINT_REQUEST.HAS_PHOTO,
        DSL.field(DSL.condition(IMPORT_ROW.HAS_PHOTO).or(DSL.condition(PRINT_REQUEST.HAS_PHOTO))));
    set.put(PRINT_REQUEST.IMPORT_ID, val(importId));
    set.put(PRINT_REQUEST.UPDATED_AT, val(now));
    return set;
  }

  /** An import's changed records: each staged row of {@code rows} updates its request's record. */
  public void updateImported(
      long importId, String source, String actor, org.jooq.Condition rows, OffsetDateTime now) {
    db.update(PRINT_REQUEST)
        .set(recordChanges(importId, now))
        .from(IMPORT_ROW)
        .where(rows)
        .and(PRINT_REQUEST.ID.eq(IMPORT_ROW.EXISTING_ID))
        .execute();
    event(
        importId,
        actor,
        rows,
        IMPORT_ROW.EXISTING_STATUS,
        "record changed upstream, imported from " + source,
        now);
    db.insertInto(
            REQUEST_PAYLOAD,
            REQUEST_PAYLOAD.REQUEST_ID,
            REQUEST_PAYLOAD.PHOTO,
            REQUEST_PAYLOAD.SIGNATURE,
            REQUEST_PAYLOAD.FINGERPRINTS,
            REQUEST_PAYLOAD.STORED_AT)
        .select(
            select(
                    IMPORT_ROW.EXISTING_ID,
                    IMPORT_ROW.PHOTO,
                    IMPORT_ROW.SIGNATURE,
                    IMPORT_ROW.FINGERPRINTS,
                    val(now))
                .from(IMPORT_ROW)
                .where(rows)
                .and(
                    IMPORT_ROW
                        .PHOTO
                        .isNotNull()
                        .or(IMPORT_ROW.SIGNATURE.isNotNull())
                        .or(IMPORT_ROW.FINGERPRINTS.isNotNull())))
        .onConflict(REQUEST_PAYLOAD.REQUEST_ID)
        .doUpdate()
        .set(
            REQUEST_PAYLOAD.PHOTO, coalesce(excluded(REQUEST_PAYLOAD.PHOTO), REQUEST_PAYLOAD.PHOTO))
        .set(
            REQUEST_PAYLOAD.SIGNATURE,
            coalesce(excluded(REQUEST_PAYLOAD.SIGNATURE), REQUEST_PAYLOAD.SIGNATURE))
        .set(
            REQUEST_PAYLOAD.FINGERPRINTS,
            coalesce(excluded(REQUEST_PAYLOAD.FINGERPRINTS), REQUEST_PAYLOAD.FINGERPRINTS))
        .set(REQUEST_PAYLOAD.STORED_AT, excluded(REQUEST_PAYLOAD.STORED_AT))
        .execute();
  }

  /**
   * An import's withdrawals: each staged row of {@code rows} withdraws its request, releases its
   * reservation and deletes its payloads. Returns how many reservations were released.
   */
  public int withdrawImported(
      long importId, String source, String actor, org.jooq.Condition rows, OffsetDateTime now) {
    Map<Field<?>, Field<?>> set = recordChanges(importId, now);
    set.put(PRINT_REQUEST.STATUS, inline(RequestStatus.WITHDRAWN.name()));
    set.put(PRINT_REQUEST.STATUS_AT, val(now));
    set.put(
        PRINT_REQUEST.WITHDRAWN_REASON,
        DSL.concat(inline("upstream status "), IMPORT_ROW.SIAK_STATUS));
    db.update(PRINT_REQUEST)
        .set(set)
        .from(IMPORT_ROW)
        .where(rows)
        .and(PRINT_REQUEST.ID.eq(IMPORT_ROW.EXISTING_ID))
        .execute();
    event(
        importId,
        actor,
        rows,
        inline(RequestStatus.WITHDRAWN.name()),
        "withdrawn: upstream status is no longer PRINT_READY_RECORD, imported from " + source,
        now);
    var withdrawn = select(IMPORT_ROW.EXISTING_ID).from(IMPORT_ROW).where(rows);
    int released =
        db.update(RESERVATION)
            .set(RESERVATION.RELEASED_AT, now)
            .set(RESERVATION.RELEASE_REASON, "request withdrawn: upstream status changed")
            .where(RESERVATION.REQUEST_ID.in(withdrawn))
            .and(RESERVATION.RELEASED_AT.isNull())
            .and(RESERVATION.CONSUMED_AT.isNull())
            .execute();
    db.deleteFrom(REQUEST_PAYLOAD).where(REQUEST_PAYLOAD.REQUEST_ID.in(withdrawn)).execute();
    return released;
  }

  private void event(
      long importId,
      String actor,
      org.jooq.Condition rows,
      Field<String> toStatus,
      String reason,
      OffsetDateTime now) {
    db.insertInto(
            PRINT_REQUEST_EVENT,
            PRINT_REQUEST_EVENT.REQUEST_ID,
            PRINT_REQUEST_EVENT.FROM_STATUS,
            PRINT_REQUEST_EVENT.TO_STATUS,
            PRINT_REQUEST_EVENT.REASON,
            PRINT_REQUEST_EVENT.ACTOR,
            PRINT_REQUEST_EVENT.IMPORT_ID,
            PRINT_REQUEST_EVENT.OCCURRED_AT)
        .select(
            select(
                    IMPORT_ROW.EXISTING_ID,
                    IMPORT_ROW.EXISTING_STATUS,
                    toStatus,
                    val(reason),
                    val(actor),
                    val(importId),
                    val(now))
                .from(IMPORT_ROW)
                .where(rows))
        .execute();
  }

  private static Field<?> col(org.jooq.Table<?> table, String name) {
    Field<?> field = table.field(name);
    if (field == null) {
      throw new IllegalStateException("No column " + name + " in " + table.getName());
    }
    return field;
  }

  // --- an allocation run: reservations of blanks ------------------------------------------

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
   * An allocation run's reservations: one per row of {@code top} (the run's ranked selection, at
   * most its limit), ranked in the order of tier, Suket key, ready time and request id; each
   * request becomes RESERVED with a history row naming the run, tier, rule and rank. Returns how
   * many were reserved.
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
      OffsetDateTime now) {
    int reserved =
        db.insertInto(
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
                        top.field(rankedRule),
                        rowNumber()
                            .over()
                            .orderBy(topTier, top.field(rankedSuket), top.field(rankedAt), topId)
                            .cast(Integer.class),
                        val(policyVersion),
                        val(now),
                        top.field(rankedSuket),
                        top.field(rankedAt))
                    .from(top))
            .execute();
    if (reserved == 0) {
      return 0;
    }
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
