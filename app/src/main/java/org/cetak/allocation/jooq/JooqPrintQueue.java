package org.cetak.allocation.jooq;

import static org.cetak.db.jooq.Tables.OFFICE;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST_EVENT;
import static org.cetak.db.jooq.Tables.REQUEST_PAYLOAD;
import static org.cetak.db.jooq.Tables.RESERVATION;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.cetak.allocation.PrintQueue;
import org.cetak.allocation.QueuedCard;
import org.cetak.common.DomainException;
import org.cetak.common.Masking;
import org.cetak.common.Transactions;
import org.cetak.db.jooq.tables.records.PrintRequestRecord;
import org.cetak.db.jooq.tables.records.RequestPayloadRecord;
import org.cetak.db.jooq.tables.records.ReservationRecord;
import org.cetak.intake.Payloads;
import org.cetak.intake.RecordFlag;
import org.cetak.intake.RequestReason;
import org.cetak.intake.RequestStatus;
import org.cetak.intake.ResidentRecord;
import org.cetak.intake.UpstreamRegistry;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The print station's queue in PostgreSQL. */
public final class JooqPrintQueue implements PrintQueue {

  private static final Logger log = LoggerFactory.getLogger(JooqPrintQueue.class);

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
        () ->
            db.select(PRINT_REQUEST.ID)
                .from(PRINT_REQUEST)
                .join(RESERVATION)
                .on(RESERVATION.REQUEST_ID.eq(PRINT_REQUEST.ID))
                .and(RESERVATION.RELEASED_AT.isNull())
                .and(RESERVATION.CONSUMED_AT.isNull())
                .where(PRINT_REQUEST.OFFICE_ID.eq(officeId))
                .and(
                    PRINT_REQUEST.STATUS.in(JooqAllocationStore.names(RequestStatus.HOLDING_BLANK)))
                .and(
                    skip.isEmpty() ? org.jooq.impl.DSL.noCondition() : PRINT_REQUEST.ID.notIn(skip))
                .orderBy(
                    RESERVATION.TIER.asc(),
                    PolicySql.suketKey(PRINT_REQUEST).asc(),
                    PRINT_REQUEST.SIAK_STATUS_AT.asc(),
                    PRINT_REQUEST.ID.asc())
                .limit(1)
                .fetchOptional(PRINT_REQUEST.ID)
                .flatMap(this::load));
  }

  @Override
  public Optional<QueuedCard> card(long requestId) {
    return transactions.inTransaction(() -> load(requestId));
  }

  private Optional<QueuedCard> load(long requestId) {
    PrintRequestRecord r = db.fetchOne(PRINT_REQUEST, PRINT_REQUEST.ID.eq(requestId));
    if (r == null) {
      return Optional.empty();
    }
    String officeCode =
        db.select(OFFICE.CODE)
            .from(OFFICE)
            .where(OFFICE.ID.eq(r.getOfficeId()))
            .fetchSingle(OFFICE.CODE);
    Optional<ReservationRecord> reservation =
        db.selectFrom(RESERVATION)
            .where(RESERVATION.REQUEST_ID.eq(requestId))
            .orderBy(RESERVATION.ID.desc())
            .limit(1)
            .fetchOptional();
    Payloads payloads = payloads(r);
    Set<RecordFlag> flags = EnumSet.noneOf(RecordFlag.class);
    if (!r.getFlags().isBlank()) {
      Arrays.stream(r.getFlags().split(",")).map(RecordFlag::valueOf).forEach(flags::add);
    }
    if (payloads.photo().isEmpty()) {
      flags.add(RecordFlag.PHOTO_MISSING);
    }
    return Optional.of(
        new QueuedCard(
            r.getId(),
            r.getOfficeId(),
            officeCode,
            RequestStatus.valueOf(r.getStatus()),
            reservation.map(ReservationRecord::getTier).orElse(0),
            reservation.map(ReservationRecord::getRule).orElse(""),
            reservation.map(ReservationRecord::getQueueRank).orElse(0),
            toRecord(r),
            flags,
            payloads));
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
  public void markPrinted(long requestId, String cardUid, Instant printedAt, String actor) {
    move(requestId, RequestStatus.PRINTED, "printed, chip " + cardUid, actor, cardUid, printedAt);
  }

  @Override
  public void requeue(long requestId, String reason, String actor) {
    move(requestId, RequestStatus.FAILED_REQUEUED, reason, actor, null, null);
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
      throw DomainException.invalid("REASON_REQUIRED", "A withdrawal needs a reason");
    }
    move(requestId, RequestStatus.WITHDRAWN, reason, actor, null, null);
  }

  private void move(
      long requestId,
      RequestStatus to,
      String reason,
      String actor,
      String cardUid,
      Instant printedAt) {
    transactions.run(
        () -> {
          PrintRequestRecord r =
              db.selectFrom(PRINT_REQUEST)
                  .where(PRINT_REQUEST.ID.eq(requestId))
                  .forUpdate()
                  .fetchOne();
          if (r == null) {
            throw DomainException.notFound("NO_REQUEST", "No print request " + requestId);
          }
          RequestStatus from = RequestStatus.valueOf(r.getStatus());
          if (!from.canMoveTo(to)) {
            throw DomainException.conflict(
                "REQUEST_STATUS_CONFLICT",
                "Request " + requestId + " is " + from + " and cannot become " + to);
          }
          OffsetDateTime now = OffsetDateTime.now(clock);
          var update =
              db.update(PRINT_REQUEST)
                  .set(PRINT_REQUEST.STATUS, to.name())
                  .set(PRINT_REQUEST.STATUS_AT, now)
                  .set(PRINT_REQUEST.UPDATED_AT, now);
          if (to == RequestStatus.PRINTED) {
            update =
                update
                    .set(
                        PRINT_REQUEST.PRINTED_AT,
                        OffsetDateTime.ofInstant(printedAt, clock.getZone()))
                    .set(PRINT_REQUEST.CARD_UID, cardUid);
          }
          if (to == RequestStatus.WITHDRAWN) {
            update = update.set(PRINT_REQUEST.WITHDRAWN_REASON, reason);
          }
          update.where(PRINT_REQUEST.ID.eq(requestId)).execute();
          if (to == RequestStatus.PRINTED || to == RequestStatus.WITHDRAWN) {
            var open =
                db.update(RESERVATION)
                    .set(
                        to == RequestStatus.PRINTED
                            ? RESERVATION.CONSUMED_AT
                            : RESERVATION.RELEASED_AT,
                        now);
            if (to == RequestStatus.WITHDRAWN) {
              open = open.set(RESERVATION.RELEASE_REASON, "request withdrawn: " + reason);
            }
            open.where(RESERVATION.REQUEST_ID.eq(requestId))
                .and(RESERVATION.RELEASED_AT.isNull())
                .and(RESERVATION.CONSUMED_AT.isNull())
                .execute();
            // biometrics are kept only as long as printing needs them (UU 27/2022)
            db.deleteFrom(REQUEST_PAYLOAD)
                .where(REQUEST_PAYLOAD.REQUEST_ID.eq(requestId))
                .execute();
          }
          db.insertInto(PRINT_REQUEST_EVENT)
              .set(PRINT_REQUEST_EVENT.REQUEST_ID, requestId)
              .set(PRINT_REQUEST_EVENT.FROM_STATUS, from.name())
              .set(PRINT_REQUEST_EVENT.TO_STATUS, to.name())
              .set(PRINT_REQUEST_EVENT.REASON, reason == null ? "" : reason)
              .set(PRINT_REQUEST_EVENT.ACTOR, actor)
              .set(PRINT_REQUEST_EVENT.OCCURRED_AT, now)
              .execute();
        });
  }
}
