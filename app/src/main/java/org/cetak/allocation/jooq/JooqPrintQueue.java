package org.cetak.allocation.jooq;

import static org.cetak.db.jooq.Tables.OFFICE;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST_EVENT;
import static org.cetak.db.jooq.Tables.REQUEST_PAYLOAD;
import static org.cetak.db.jooq.Tables.RESERVATION;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cetak.allocation.AllocationError;
import org.cetak.allocation.PrintQueue;
import org.cetak.allocation.QueuedCard;
import org.cetak.common.DomainException;
import org.cetak.common.Masking;
import org.cetak.common.Transactions;
import org.cetak.db.jooq.tables.PrintRequest;
import org.cetak.db.jooq.tables.Reservation;
import org.cetak.db.jooq.tables.records.PrintRequestRecord;
import org.cetak.db.jooq.tables.records.RequestPayloadRecord;
import org.cetak.intake.Payloads;
import org.cetak.intake.RecordFlag;
import org.cetak.intake.RequestReason;
import org.cetak.intake.RequestStatus;
import org.cetak.intake.ResidentRecord;
import org.cetak.intake.UpstreamRegistry;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The print station's queue in PostgreSQL. */
public final class JooqPrintQueue implements PrintQueue {

  private static final Logger log = LoggerFactory.getLogger(JooqPrintQueue.class);

  /** The order in which requests holding a blank are printed (index ix_reservation_print_order). */
  private static final List<SortField<?>> PRINT_ORDER =
      List.of(
          RESERVATION.TIER.asc(),
          RESERVATION.SUKET_KEY.asc(),
          RESERVATION.READY_AT.asc(),
          RESERVATION.REQUEST_ID.asc());

  private final DSLContext db;
  private final Transactions transactions;
  private final Optional<UpstreamRegistry> upstream;
  private final Clock clock;

  public JooqPrintQueue(
      DSLContext db, Transactions transactions, Optional<UpstreamRegistry> upstream, Clock clock) {
    this.db = db;
    this.transactions = transactions;
    this.upstream = upstream;
    this.clock = clock;
  }

  @Override
  public Optional<QueuedCard> nextReserved(long officeId, Set<Long> skip) {
    return transactions.inTransaction(
        () -> {
          // The first active reservations in print order come straight from their index; of those,
          // the first whose request still waits is the answer. Requests being printed (a few per
          // printer) and those skipped are stepped over; when all the first ones are, look further.
          for (int first = 64; ; first *= 8) {
            Optional<QueuedCard> next = firstWaiting(officeId, skip, first);
            if (next.isPresent() || activeReservations(officeId, first) < first) {
              return next;
            }
          }
        });
  }

  private Optional<QueuedCard> firstWaiting(long officeId, Set<Long> skip, int first) {
    // a derived table with a LIMIT is planned on its own: an ordered scan of the print-order index
    Table<?> front =
        select(
                RESERVATION.REQUEST_ID,
                RESERVATION.TIER,
                RESERVATION.RULE,
                RESERVATION.QUEUE_RANK,
                RESERVATION.SUKET_KEY,
                RESERVATION.READY_AT)
            .from(RESERVATION)
            .where(RESERVATION.OFFICE_ID.eq(officeId))
            .and(RESERVATION.RELEASED_AT.isNull())
            .and(RESERVATION.CONSUMED_AT.isNull())
            .orderBy(PRINT_ORDER)
            .limit(first)
            .asTable("front");
    Field<Long> requestId = front.field(RESERVATION.REQUEST_ID);
    return db.select(PRINT_REQUEST.fields())
        .select(
            OFFICE.CODE,
            front.field(RESERVATION.TIER),
            front.field(RESERVATION.RULE),
            front.field(RESERVATION.QUEUE_RANK))
        .from(front)
        .join(PRINT_REQUEST)
        .on(PRINT_REQUEST.ID.eq(requestId))
        .join(OFFICE)
        .on(OFFICE.ID.eq(PRINT_REQUEST.OFFICE_ID))
        .where(waiting(requestId))
        .and(skip.isEmpty() ? DSL.noCondition() : requestId.notIn(skip))
        .orderBy(
            front.field(RESERVATION.TIER),
            front.field(RESERVATION.SUKET_KEY),
            front.field(RESERVATION.READY_AT),
            requestId)
        .limit(1)
        .fetchOptional()
        .map(this::toCard);
  }

  /**
   * Whether the request still waits for its card. A scalar subquery, looked up by primary key for
   * each of the few candidates: written as a join condition, the planner may instead read every
   * request holding a blank when its statistics are older than the last allocation run.
   */
  private static Condition waiting(Field<Long> requestId) {
    PrintRequest status = PRINT_REQUEST.as("status");
    return field(select(status.STATUS).from(status).where(status.ID.eq(requestId)))
        .in(JooqAllocationStore.names(RequestStatus.HOLDING_BLANK));
  }

  /** Active reservations of the office, counted up to {@code atLeast}. */
  private int activeReservations(long officeId, int atLeast) {
    return db.fetchCount(
        select(RESERVATION.ID)
            .from(RESERVATION)
            .where(RESERVATION.OFFICE_ID.eq(officeId))
            .and(RESERVATION.RELEASED_AT.isNull())
            .and(RESERVATION.CONSUMED_AT.isNull())
            .limit(atLeast));
  }

  @Override
  public Optional<QueuedCard> card(long requestId) {
    Reservation latest = RESERVATION.as("latest");
    return transactions.inTransaction(
        () ->
            db.select(PRINT_REQUEST.fields())
                .select(OFFICE.CODE, latest.TIER, latest.RULE, latest.QUEUE_RANK)
                .from(PRINT_REQUEST)
                .join(OFFICE)
                .on(OFFICE.ID.eq(PRINT_REQUEST.OFFICE_ID))
                .leftJoin(latest)
                .on(
                    latest.ID.eq(
                        select(max(RESERVATION.ID))
                            .from(RESERVATION)
                            .where(RESERVATION.REQUEST_ID.eq(PRINT_REQUEST.ID))))
                .where(PRINT_REQUEST.ID.eq(requestId))
                .fetchOptional()
                .map(this::toCard));
  }

  /** A request row with its office code and reservation columns, and its payloads. */
  private QueuedCard toCard(Record row) {
    PrintRequestRecord r = row.into(PRINT_REQUEST);
    Payloads payloads = payloads(r);
    Set<RecordFlag> flags = EnumSet.noneOf(RecordFlag.class);
    if (!r.getFlags().isBlank()) {
      Arrays.stream(r.getFlags().split(",")).map(RecordFlag::valueOf).forEach(flags::add);
    }
    if (payloads.photo().isEmpty()) {
      flags.add(RecordFlag.PHOTO_MISSING);
    }
    int n = PRINT_REQUEST.fields().length; // then office code, tier, rule, rank
    return new QueuedCard(
        r.getId(),
        r.getOfficeId(),
        row.get(n, String.class),
        RequestStatus.valueOf(r.getStatus()),
        Optional.ofNullable(row.get(n + 1, Integer.class)).orElse(0),
        Optional.ofNullable(row.get(n + 2, String.class)).orElse(""),
        Optional.ofNullable(row.get(n + 3, Integer.class)).orElse(0),
        toRecord(r),
        flags,
        payloads);
  }

  /** The stored payload, or the upstream registry's when it was deleted after a print. */
  private Payloads payloads(PrintRequestRecord r) {
    RequestPayloadRecord stored =
        db.fetchOne(REQUEST_PAYLOAD, REQUEST_PAYLOAD.REQUEST_ID.eq(r.getId()));
    if (stored != null && stored.getPhoto() != null) {
      return new Payloads(
          Optional.ofNullable(stored.getPhoto()),
          Optional.ofNullable(stored.getSignature()),
          Optional.ofNullable(stored.getFingerprints()));
    }
    if (upstream.isEmpty()) {
      return Payloads.none();
    }
    UpstreamRegistry.Fetch fetch = upstream.get().fetch(r.getNik());
    if (fetch instanceof UpstreamRegistry.Fetched fetched
        && !fetched.record().payloads().isEmpty()) {
      Payloads p = fetched.record().payloads();
      db.insertInto(REQUEST_PAYLOAD)
          .set(REQUEST_PAYLOAD.REQUEST_ID, r.getId())
          .set(REQUEST_PAYLOAD.PHOTO, p.photo().orElse(null))
          .set(REQUEST_PAYLOAD.SIGNATURE, p.signature().orElse(null))
          .set(REQUEST_PAYLOAD.FINGERPRINTS, p.fingerprints().orElse(null))
          .set(REQUEST_PAYLOAD.STORED_AT, OffsetDateTime.now(clock))
          .onConflict(REQUEST_PAYLOAD.REQUEST_ID)
          .doUpdate()
          .set(REQUEST_PAYLOAD.PHOTO, p.photo().orElse(null))
          .set(REQUEST_PAYLOAD.SIGNATURE, p.signature().orElse(null))
          .set(REQUEST_PAYLOAD.FINGERPRINTS, p.fingerprints().orElse(null))
          .set(REQUEST_PAYLOAD.STORED_AT, OffsetDateTime.now(clock))
          .execute();
      log.info("Payload of request {} fetched again from the upstream registry", r.getId());
      return p;
    }
    log.info(
        "Payload of request {} (NIK {}) not available upstream: {}",
        r.getId(),
        Masking.nik(r.getNik()),
        fetch);
    return Payloads.none();
  }

  static ResidentRecord toRecord(PrintRequestRecord r) {
    return new ResidentRecord(
        r.getNik(),
        r.getKk(),
        r.getName(),
        r.getSex(),
        r.getBirthPlace(),
        r.getBirthDate(),
        Optional.ofNullable(r.getBloodType()),
        r.getAddress(),
        r.getRt(),
        r.getRw(),
        r.getVillage(),
        r.getDistrict(),
        r.getRegency(),
        r.getProvince(),
        r.getReligion(),
        r.getMaritalStatus(),
        r.getOccupation(),
        r.getCitizenship(),
        r.getSiakStatus(),
        r.getSiakStatusAt(),
        RequestReason.valueOf(r.getReason()),
        Optional.ofNullable(r.getUrgentReason()),
        r.getVulnerable(),
        r.getDisabled(),
        Optional.ofNullable(r.getSuketNumber()),
        Optional.ofNullable(r.getSuketDate()),
        Optional.ofNullable(r.getPhone()));
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
            .and(fromStatus.in(JooqAllocationStore.names(from)))
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
}
