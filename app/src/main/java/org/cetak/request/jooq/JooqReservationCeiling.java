package org.cetak.request.jooq;

import static org.cetak.db.jooq.Tables.HELD_BLANK_COUNT;
import static org.cetak.db.jooq.Tables.PRINT_JOB;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST_EVENT;
import static org.cetak.db.jooq.Tables.RESERVATION;
import static org.cetak.db.jooq.Tables.STOCK_BALANCE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cetak.intake.RequestStatus;
import org.cetak.stock.ReservationCeiling;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Record3;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps an office's reservations within the blanks it can still print (vault and feeders): checked
 * once per office just before each transaction that shrank the blanks or grew the reservations
 * commits, under a per-office lock that makes those checks take turns, so that every commit leaves
 * {@code reserved <= usable}. When fewer blanks are left than reservations, the lowest-ranked
 * reservations (in the print order: tier, Suket, ready time, request) are released and their
 * requests go back to the queue, where allocation ranks them by their priority again; each gets a
 * history row saying why. A request another transaction holds (being picked for printing) is
 * skipped: it is leaving the held ones anyway. Jobs that have not picked their blank yet count as
 * held (see {@link ReservationCeiling}, pending picks), so that their picks need no check.
 */
public final class JooqReservationCeiling implements ReservationCeiling {

  private static final Logger log = LoggerFactory.getLogger(JooqReservationCeiling.class);

  /** First key of the per-office advisory lock ("CETK"). */
  private static final int LOCK_SPACE = 0x4345544B;

  private final DSLContext db;
  private final Clock clock;

  public JooqReservationCeiling(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public void check(long officeId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      enforce(officeId);
      return;
    }
    @SuppressWarnings("unchecked")
    Set<Long> offices = (Set<Long>) TransactionSynchronizationManager.getResource(this);
    if (offices == null) {
      Set<Long> pending = new LinkedHashSet<>();
      TransactionSynchronizationManager.bindResource(this, pending);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
              pending.forEach(JooqReservationCeiling.this::enforce);
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(
                  JooqReservationCeiling.this);
            }
          });
      offices = pending;
    }
    offices.add(officeId);
  }

  /**
   * Releases the lowest-ranked reservations beyond the office's usable blanks, now, in the current
   * transaction; returns how many.
   */
  public int enforce(long officeId) {
    db.execute("select pg_advisory_xact_lock(?, ?)", LOCK_SPACE, Math.toIntExact(officeId));
    List<String> holding = JooqRequestLifecycle.names(RequestStatus.HOLDING_BLANK);
    // one statement after the lock: its snapshot sees every check that took the lock before
    Record3<Long, Integer, BigDecimal> counted =
        db.select(
                holdingBlank(officeId),
                field(pendingPicks(officeId)),
                field(
                    select(coalesce(sum(STOCK_BALANCE.QUANTITY), BigDecimal.ZERO))
                        .from(STOCK_BALANCE)
                        .where(STOCK_BALANCE.OFFICE_ID.eq(officeId))
                        .and(STOCK_BALANCE.ITEM.eq("BLANK"))
                        .and(STOCK_BALANCE.LOCATION.in("VAULT", "FEEDER"))))
            .fetchSingle();
    long held = counted.value1() + (long) counted.value2();
    long usable = counted.value3().longValue();
    if (held <= usable) {
      return 0;
    }
    List<Record2<Long, String>> lowest =
        db.select(PRINT_REQUEST.ID, PRINT_REQUEST.STATUS)
            .from(PRINT_REQUEST)
            .join(RESERVATION)
            .on(RESERVATION.REQUEST_ID.eq(PRINT_REQUEST.ID))
            .and(RESERVATION.RELEASED_AT.isNull())
            .and(RESERVATION.CONSUMED_AT.isNull())
            .where(PRINT_REQUEST.OFFICE_ID.eq(officeId))
            .and(PRINT_REQUEST.STATUS.in(holding))
            .orderBy(
                RESERVATION.TIER.desc(),
                RESERVATION.SUKET_KEY.desc(),
                RESERVATION.READY_AT.desc(),
                PRINT_REQUEST.ID.desc())
            .limit(held - usable)
            .forUpdate()
            .of(PRINT_REQUEST)
            .skipLocked()
            .fetch();
    if (lowest.isEmpty()) {
      return 0;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    String why =
        "reservation released: "
            + usable
            + " usable blanks for "
            + held
            + " reservations after blanks were spoiled or lost; back in the queue with its priority";
    List<Long> ids = lowest.stream().map(Record2::value1).toList();
    db.update(RESERVATION)
        .set(RESERVATION.RELEASED_AT, now)
        .set(RESERVATION.RELEASE_REASON, why)
        .where(RESERVATION.REQUEST_ID.in(ids))
        .and(RESERVATION.RELEASED_AT.isNull())
        .and(RESERVATION.CONSUMED_AT.isNull())
        .execute();
    db.update(PRINT_REQUEST)
        .set(PRINT_REQUEST.STATUS, RequestStatus.QUEUED.name())
        .set(PRINT_REQUEST.STATUS_AT, now)
        .set(PRINT_REQUEST.UPDATED_AT, now)
        .where(PRINT_REQUEST.ID.in(ids))
        .execute();
    var events =
        db.insertInto(
            PRINT_REQUEST_EVENT,
            PRINT_REQUEST_EVENT.REQUEST_ID,
            PRINT_REQUEST_EVENT.FROM_STATUS,
            PRINT_REQUEST_EVENT.TO_STATUS,
            PRINT_REQUEST_EVENT.REASON,
            PRINT_REQUEST_EVENT.ACTOR,
            PRINT_REQUEST_EVENT.OCCURRED_AT);
    for (Record2<Long, String> request : lowest) {
      events =
          events.values(
              request.value1(), request.value2(), RequestStatus.QUEUED.name(), why, "ledger", now);
    }
    events.execute();
    log.warn(
        "Office {}: {} usable blanks for {} reservations; {} lowest-ranked back in the queue",
        officeId,
        usable,
        held,
        lowest.size());
    return lowest.size();
  }

  /**
   * The office's requests holding a blank ({@link RequestStatus#HOLDING_BLANK}), from the count the
   * database keeps in the transactions that change the requests (V206): the sum of the office's few
   * rows of {@code held_blank_count}, read in the statement's snapshot as the requests would be.
   */
  public static Field<Long> holdingBlank(long officeId) {
    return coalesce(
        field(
            select(sum(HELD_BLANK_COUNT.N).cast(Long.class))
                .from(HELD_BLANK_COUNT)
                .where(HELD_BLANK_COUNT.OFFICE_ID.eq(officeId))),
        0L);
  }

  /**
   * The office's print jobs that have not picked their blank yet: their blanks are held as well,
   * until the pick moves them out of the feeder ({@link org.cetak.stock.ReservationCeiling}).
   */
  public static org.jooq.Select<Record1<Integer>> pendingPicks(long officeId) {
    return select(count())
        .from(PRINT_JOB)
        .where(PRINT_JOB.OFFICE_ID.eq(officeId))
        .and(PRINT_JOB.STAGE.eq(inline("PICKING")));
  }
}
