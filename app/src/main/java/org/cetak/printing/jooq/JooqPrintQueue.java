package org.cetak.printing.jooq;

import static org.cetak.db.jooq.Tables.OFFICE;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;
import static org.cetak.db.jooq.Tables.REQUEST_PAYLOAD;
import static org.cetak.db.jooq.Tables.RESERVATION;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cetak.common.Transactions;
import org.cetak.db.jooq.tables.PrintRequest;
import org.cetak.db.jooq.tables.Reservation;
import org.cetak.db.jooq.tables.records.PrintRequestRecord;
import org.cetak.intake.Payloads;
import org.cetak.intake.RecordFlag;
import org.cetak.intake.RequestReason;
import org.cetak.intake.RequestStatus;
import org.cetak.intake.ResidentRecord;
import org.cetak.printing.PrintQueue;
import org.cetak.printing.QueuedCard;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The print station's queue in PostgreSQL: reads only. The requests' moves are written by {@link
 * org.cetak.request.RequestLifecycle}.
 */
public final class JooqPrintQueue implements PrintQueue {

  /** The order in which requests holding a blank are printed (index ix_reservation_print_order). */
  private static final List<SortField<?>> PRINT_ORDER =
      List.of(
          RESERVATION.TIER.asc(),
          RESERVATION.SUKET_KEY.asc(),
          RESERVATION.READY_AT.asc(),
          RESERVATION.REQUEST_ID.asc());

  /** A request's stored payloads, read with it (absent once printed). */
  private static final List<Field<?>> PAYLOAD =
      List.of(REQUEST_PAYLOAD.PHOTO, REQUEST_PAYLOAD.SIGNATURE, REQUEST_PAYLOAD.FINGERPRINTS);

  private final DSLContext db;
  private final Transactions transactions;

  public JooqPrintQueue(DSLContext db, Transactions transactions) {
    this.db = db;
    this.transactions = transactions;
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
        .select(PAYLOAD)
        .select(OFFICE.TIME_ZONE)
        .from(front)
        .join(PRINT_REQUEST)
        .on(PRINT_REQUEST.ID.eq(requestId))
        .join(OFFICE)
        .on(OFFICE.ID.eq(PRINT_REQUEST.OFFICE_ID))
        .leftJoin(REQUEST_PAYLOAD)
        .on(REQUEST_PAYLOAD.REQUEST_ID.eq(PRINT_REQUEST.ID))
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
        .in(RequestStatus.HOLDING_BLANK.stream().map(Enum::name).toList());
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

  /**
   * Nothing is kept here: the queue in the database only reads, and the request is taken again on
   * the next read. {@link org.cetak.printing.PayloadFetchingQueue} puts the card aside.
   */
  @Override
  public void putAside(QueuedCard card, String problem) {}

  @Override
  public Optional<QueuedCard> card(long requestId) {
    Reservation latest = RESERVATION.as("latest");
    return transactions.inTransaction(
        () ->
            db.select(PRINT_REQUEST.fields())
                .select(OFFICE.CODE, latest.TIER, latest.RULE, latest.QUEUE_RANK)
                .select(PAYLOAD)
                .select(OFFICE.TIME_ZONE)
                .from(PRINT_REQUEST)
                .join(OFFICE)
                .on(OFFICE.ID.eq(PRINT_REQUEST.OFFICE_ID))
                .leftJoin(REQUEST_PAYLOAD)
                .on(REQUEST_PAYLOAD.REQUEST_ID.eq(PRINT_REQUEST.ID))
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
    Payloads payloads = payloads(row);
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
        payloads,
        ZoneId.of(row.get(OFFICE.TIME_ZONE)));
  }

  /**
   * The stored payloads, read with the request; none once deleted after a print (see {@link
   * org.cetak.printing.PayloadFetchingQueue}).
   */
  private static Payloads payloads(Record row) {
    byte[] photo = row.get(REQUEST_PAYLOAD.PHOTO);
    if (photo == null) {
      return Payloads.none();
    }
    return new Payloads(
        Optional.of(photo),
        Optional.ofNullable(row.get(REQUEST_PAYLOAD.SIGNATURE)),
        Optional.ofNullable(row.get(REQUEST_PAYLOAD.FINGERPRINTS)));
  }

  /** A stored request's record as the resident's record the queue and the card read. */
  public static ResidentRecord toRecord(PrintRequestRecord r) {
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
}
