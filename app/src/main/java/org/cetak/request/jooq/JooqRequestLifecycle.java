package org.cetak.request.jooq;

import static org.cetak.db.jooq.Tables.PRINT_REQUEST;
import static org.cetak.db.jooq.Tables.REQUEST_PAYLOAD;
import static org.cetak.db.jooq.Tables.RESERVATION;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cetak.allocation.AllocationError;
import org.cetak.common.DomainException;
import org.cetak.common.Transactions;
import org.cetak.intake.Payloads;
import org.cetak.intake.RequestStatus;
import org.cetak.request.RequestLifecycle;
import org.cetak.stock.ReservationCeiling;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The one writer of a print request's life in PostgreSQL: {@code print_request}, its status history
 * {@code print_request_event}, its {@code reservation} of a blank and its biometric {@code
 * request_payload}. The print station and officers move one request at a time through {@link
 * RequestLifecycle}; an import and an allocation run move many at once, set-based, through the
 * methods below that take the rows they staged or ranked (their SQL stays theirs: this class only
 * writes).
 */
public final class JooqRequestLifecycle implements RequestLifecycle {

  private final DSLContext db;
  private final Transactions transactions;
  private final Clock clock;

  private final ReservationCeiling ceiling;

  public JooqRequestLifecycle(DSLContext db, Transactions transactions, Clock clock) {
    this(db, transactions, clock, ReservationCeiling.none());
  }

  /**
   * A lifecycle that tells {@code ceiling} when a spoiled card's request holds a blank again, so
   * that reservations never outnumber the blanks left.
   */
  public JooqRequestLifecycle(
      DSLContext db, Transactions transactions, Clock clock, ReservationCeiling ceiling) {
    this.db = db;
    this.transactions = transactions;
    this.clock = clock;
    this.ceiling = ceiling;
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
    return transactions.inTransaction(
        () -> {
          boolean moved =
              moveFrom(requestId, from, RequestStatus.PRINTING, reason, actor, null, null)
                  .isPresent();
          if (moved && reprint) {
            // a reprint's job will pick a blank no reservation held: the ceiling counts it now
            ceiling.check(officeOf(requestId));
          }
          return moved;
        });
  }

  private long officeOf(long requestId) {
    return db.select(PRINT_REQUEST.OFFICE_ID)
        .from(PRINT_REQUEST)
        .where(PRINT_REQUEST.ID.eq(requestId))
        .fetchSingle(PRINT_REQUEST.OFFICE_ID);
  }

  @Override
  public Recipient markPrinted(
      long requestId, String cardUid, Instant printedAt, String actor, boolean awaitingCheck) {
    return transactions.inTransaction(
        () -> {
          Recipient resident =
              move(
                  requestId,
                  RequestStatus.PRINTED,
                  awaitingCheck
                      ? "printed, chip " + cardUid + ", to be checked"
                      : "printed, chip " + cardUid,
                  actor,
                  cardUid,
                  printedAt);
          if (!awaitingCheck) {
            deletePayload(requestId);
          }
          return resident;
        });
  }

  @Override
  public Recipient passedCheck(long requestId, String detail, String actor) {
    return transactions.inTransaction(
        () -> {
          Recipient resident =
              moveFrom(
                      requestId,
                      EnumSet.of(RequestStatus.PRINTED),
                      RequestStatus.PRINTED,
                      "quality check passed: " + detail,
                      actor,
                      null,
                      null)
                  .orElseThrow(() -> conflict(requestId, RequestStatus.PRINTED));
          deletePayload(requestId);
          return resident;
        });
  }

  @Override
  public void rejectedAtCheck(long requestId, String reason, String actor) {
    transactions.run(
        () -> {
          OffsetDateTime now = OffsetDateTime.now(clock);
          if (moveFrom(
                  requestId,
                  EnumSet.of(RequestStatus.PRINTED),
                  RequestStatus.FAILED_REQUEUED,
                  "rejected at quality check: " + reason,
                  actor,
                  null,
                  null)
              .isEmpty()) {
            throw conflict(requestId, RequestStatus.FAILED_REQUEUED);
          }
          // the blank its print consumed is spoiled; the request holds one again, with its rank
          Long consumed =
              db.select(RESERVATION.ID)
                  .from(RESERVATION)
                  .where(RESERVATION.REQUEST_ID.eq(requestId))
                  .and(RESERVATION.CONSUMED_AT.isNotNull())
                  .orderBy(RESERVATION.CONSUMED_AT.desc(), RESERVATION.ID.desc())
                  .limit(1)
                  .fetchOne(RESERVATION.ID);
          if (consumed != null) {
            db.update(RESERVATION)
                .setNull(RESERVATION.CONSUMED_AT)
                .set(RESERVATION.RESERVED_AT, now)
                .where(RESERVATION.ID.eq(consumed))
                .execute();
          }
          ceiling.check(
              db.select(PRINT_REQUEST.OFFICE_ID)
                  .from(PRINT_REQUEST)
                  .where(PRINT_REQUEST.ID.eq(requestId))
                  .fetchSingle(PRINT_REQUEST.OFFICE_ID));
        });
  }

  private void deletePayload(long requestId) {
    // biometrics are kept only as long as printing needs them (UU 27/2022)
    db.deleteFrom(REQUEST_PAYLOAD).where(REQUEST_PAYLOAD.REQUEST_ID.eq(requestId)).execute();
  }

  private DomainException conflict(long requestId, RequestStatus to) {
    String now =
        db.select(PRINT_REQUEST.STATUS)
            .from(PRINT_REQUEST)
            .where(PRINT_REQUEST.ID.eq(requestId))
            .fetchOptional(PRINT_REQUEST.STATUS)
            .orElseThrow(
                () ->
                    new DomainException(
                        AllocationError.NO_REQUEST, "No print request " + requestId));
    return new DomainException(
        AllocationError.REQUEST_STATUS_CONFLICT,
        "Request " + requestId + " is " + now + " and cannot become " + to);
  }

  @Override
  public void requeue(long requestId, String reason, String actor) {
    transactions.run(
        () -> {
          move(requestId, RequestStatus.FAILED_REQUEUED, reason, actor, null, null);
          ceiling.check(officeOf(requestId));
        });
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
  public void markOutcomeUnknown(long requestId, String cause, String detail, String actor) {
    move(requestId, RequestStatus.OUTCOME_UNKNOWN, detail, actor, null, null, cause);
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
    return move(requestId, to, reason, actor, cardUid, printedAt, null);
  }

  /** The same, the move's cause (a station's code of why) recorded beside its reason. */
  private Recipient move(
      long requestId,
      RequestStatus to,
      String reason,
      String actor,
      String cardUid,
      Instant printedAt,
      String cause) {
    Set<RequestStatus> from = EnumSet.noneOf(RequestStatus.class);
    for (RequestStatus status : RequestStatus.values()) {
      if (status.canMoveTo(to)) {
        from.add(status);
      }
    }
    return transactions.inTransaction(
        () -> {
          Optional<Recipient> moved =
              moveFrom(requestId, from, to, reason, actor, cardUid, printedAt, cause);
          if (moved.isPresent()) {
            return moved.get();
          }
          throw conflict(requestId, to);
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
    return moveFrom(requestId, from, to, reason, actor, cardUid, printedAt, null);
  }

  private Optional<Recipient> moveFrom(
      long requestId,
      Set<RequestStatus> from,
      RequestStatus to,
      String reason,
      String actor,
      String cardUid,
      Instant printedAt,
      String cause) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    boolean printed = to == RequestStatus.PRINTED;
    boolean withdrawn = to == RequestStatus.WITHDRAWN;
    boolean stamped = printed && printedAt != null;
    List<Object> binds = new ArrayList<>(20);
    binds.add(requestId);
    binds.add(to.name());
    binds.add(now);
    binds.add(now);
    if (stamped) {
      binds.add(OffsetDateTime.ofInstant(printedAt, clock.getZone()));
      binds.add(DSL.val(cardUid, SQLDataType.VARCHAR));
    }
    if (withdrawn) {
      binds.add(DSL.val(reason, SQLDataType.VARCHAR));
    }
    binds.add(names(from).toArray(String[]::new));
    if (printed || withdrawn) {
      binds.add(now);
      if (withdrawn) {
        binds.add("request withdrawn: " + reason);
      }
      binds.add(requestId);
    }
    binds.add(requestId);
    binds.add(to.name());
    binds.add(reason == null ? "" : reason);
    binds.add(actor);
    binds.add(DSL.val(cause, SQLDataType.VARCHAR));
    binds.add(now);
    String sql =
        stamped ? MOVE_PRINTED : printed ? MOVE_CONSUMING : withdrawn ? MOVE_WITHDRAWN : MOVE;
    Optional<Record> moved = db.fetchOptional(sql, binds.toArray());
    if (moved.isEmpty()) {
      return Optional.empty();
    }
    if (withdrawn) {
      deletePayload(requestId);
    }
    Record row = moved.get();
    return Optional.of(
        new Recipient(
            row.get(1, String.class),
            row.get(2, String.class),
            Optional.ofNullable(row.get(3, String.class))));
  }

  /**
   * A request's move as one statement, its text written once: lock the row and check its status,
   * update it, end its open reservation (consumed by a print, released by a withdrawal) and write
   * the history row; the status it had and the resident to notify come back, no row when the
   * request is missing or in another status (then nothing changed).
   */
  private static String moveStatement(String moreSet, String reservationSet) {
    return "with before as (select id, status from print_request where id = ? for update),"
        + " moved as (update print_request r set status = ?, status_at = cast(? as timestamptz),"
        + " updated_at = cast(? as timestamptz)"
        + moreSet
        + " from before where r.id = before.id and before.status = any(cast(? as varchar[]))"
        + " returning before.status as from_status, r.nik, r.name, r.phone),"
        + (reservationSet.isEmpty()
            ? ""
            : " reserved as (update reservation set "
                + reservationSet
                + " where request_id = ? and released_at is null and consumed_at is null"
                + " and exists (select 1 from moved)),")
        + " event as (insert into print_request_event"
        + " (request_id, from_status, to_status, reason, actor, cause, occurred_at)"
        + " select ?, from_status, ?, ?, ?, cast(? as varchar), cast(? as timestamptz) from moved)"
        + " select from_status, nik, name, phone from moved";
  }

  private static final String MOVE = moveStatement("", "");

  private static final String MOVE_CONSUMING =
      moveStatement("", "consumed_at = cast(? as timestamptz)");

  private static final String MOVE_PRINTED =
      moveStatement(
          ", printed_at = cast(? as timestamptz), card_uid = cast(? as varchar)",
          "consumed_at = cast(? as timestamptz)");

  private static final String MOVE_WITHDRAWN =
      moveStatement(
          ", withdrawn_reason = cast(? as varchar)",
          "released_at = cast(? as timestamptz), release_reason = ?");
}
