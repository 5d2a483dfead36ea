package org.cetak.allocation.jooq;

import static org.cetak.db.jooq.Tables.ALLOCATION_RUN;
import static org.cetak.db.jooq.Tables.ALLOCATION_STATE;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;
import static org.cetak.db.jooq.Tables.QUEUE_COUNT_DAY;
import static org.cetak.db.jooq.Tables.QUEUE_COUNT_RULE;
import static org.cetak.db.jooq.Tables.QUEUE_COUNT_STATE;
import static org.cetak.db.jooq.Tables.QUEUE_COUNT_SUKET;
import static org.cetak.db.jooq.Tables.RESERVATION;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cetak.allocation.AllocationStore;
import org.cetak.allocation.PriorityPolicy;
import org.cetak.allocation.PriorityRule;
import org.cetak.allocation.PriorityTier;
import org.cetak.allocation.RunResult;
import org.cetak.allocation.RunTrigger;
import org.cetak.db.jooq.tables.PrintRequest;
import org.cetak.db.jooq.tables.records.ReservationRecord;
import org.cetak.intake.RequestStatus;
import org.cetak.intake.ResidentRecord;
import org.cetak.intake.jooq.QueueLock;
import org.cetak.request.jooq.JooqReservationCeiling;
import org.cetak.request.jooq.Reservations;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Allocation in PostgreSQL: one {@code INSERT ... SELECT} per tier takes the tier's eligible
 * requests (the policy's tier CASE) in tie-break order and reserves the top rows; one {@code
 * UPDATE} and one event insert follow. No request is looked at one by one in Java.
 */
public final class JooqAllocationStore implements AllocationStore {

  private final DSLContext db;
  private final Clock clock;
  private final Reservations requests;

  /**
   * @param requests writes the reservations and the requests' moves; this class only ranks
   */
  public JooqAllocationStore(DSLContext db, Clock clock, Reservations requests) {
    this.db = db;
    this.clock = clock;
    this.requests = requests;
  }

  @Override
  public void lock(long officeId) {
    QueueLock.lock(db, officeId, clock);
  }

  /** Eligible for a blank: queued, print-ready upstream, with a photo. */
  static Condition eligible(PrintRequest r, long officeId) {
    return r.OFFICE_ID
        .eq(officeId)
        .and(r.STATUS.eq(inline(RequestStatus.QUEUED.name())))
        .and(r.SIAK_STATUS.eq(inline(ResidentRecord.PRINT_READY)))
        .and(r.HAS_PHOTO.isTrue());
  }

  static List<String> names(java.util.Collection<RequestStatus> statuses) {
    return statuses.stream().map(Enum::name).toList();
  }

  @Override
  public int releaseWithdrawn(long officeId, OffsetDateTime now) {
    return requests.releaseWithdrawn(officeId, now);
  }

  /**
   * Requests holding a blank, and the print jobs that have not picked their blank yet (the ceiling
   * holds those blanks too: {@link JooqReservationCeiling#pendingPicks}).
   */
  @Override
  public long held(long officeId) {
    return db.select(
            JooqReservationCeiling.holdingBlank(officeId)
                .plus(DSL.field(JooqReservationCeiling.pendingPicks(officeId))))
        .fetchSingle(0, Long.class);
  }

  @Override
  public QueueCounts counts(long officeId, OffsetDateTime startOfDay) {
    PrintRequest r = PRINT_REQUEST;
    long held = held(officeId);
    long outstanding =
        db.selectCount()
            .from(r)
            .where(r.OFFICE_ID.eq(officeId))
            .and(
                r.STATUS.in(
                    names(
                        List.of(
                            RequestStatus.RESERVED,
                            RequestStatus.FAILED_REQUEUED,
                            RequestStatus.PRINTING,
                            RequestStatus.OUTCOME_UNKNOWN))))
            .fetchSingle(0, Long.class);
    long printedToday = printedSince(officeId, startOfDay);
    long queued = db.selectCount().from(r).where(eligible(r, officeId)).fetchSingle(0, Long.class);
    return new QueueCounts(held, outstanding, printedToday, queued);
  }

  @Override
  public long printedSince(long officeId, OffsetDateTime startOfDay) {
    return db.selectCount()
        .from(PRINT_REQUEST)
        .where(PRINT_REQUEST.OFFICE_ID.eq(officeId))
        .and(PRINT_REQUEST.PRINTED_AT.ge(startOfDay))
        .fetchSingle(0, Long.class);
  }

  @Override
  public List<TierCount> byTier(long officeId, PriorityPolicy policy, LocalDate today) {
    java.util.Map<Integer, long[]> tiers = new java.util.TreeMap<>();
    PrintRequest r = PRINT_REQUEST.as("r");
    Optional<Field<Integer>> tierCase = PolicySql.tier(r, policy, today);
    if (tierCase.isPresent()) {
      // grouped outside: PostgreSQL does not match a CASE with bind values in GROUP BY
      Table<?> placed =
          db.select(tierCase.get().as("tier")).from(r).where(eligible(r, officeId)).asTable("t");
      Field<Integer> tier = placed.field("tier", Integer.class);
      var waiting = db.select(tier, org.jooq.impl.DSL.count()).from(placed).groupBy(tier).fetch();
      for (var row : waiting) {
        if (row.value1() != null) {
          tiers.computeIfAbsent(row.value1(), t -> new long[2])[0] = row.value2();
        }
      }
    }
    var holding =
        db.select(RESERVATION.TIER, org.jooq.impl.DSL.count())
            .from(RESERVATION)
            .join(PRINT_REQUEST)
            .on(PRINT_REQUEST.ID.eq(RESERVATION.REQUEST_ID))
            .where(RESERVATION.OFFICE_ID.eq(officeId))
            .and(RESERVATION.RELEASED_AT.isNull())
            .and(RESERVATION.CONSUMED_AT.isNull())
            .and(PRINT_REQUEST.STATUS.in(names(RequestStatus.HOLDING_BLANK)))
            .groupBy(RESERVATION.TIER)
            .fetch();
    for (var row : holding) {
      tiers.computeIfAbsent(row.value1(), t -> new long[2])[1] = row.value2();
    }
    return tiers.entrySet().stream()
        .map(e -> new TierCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
        .toList();
  }

  @Override
  public long startRun(
      long officeId, RunTrigger trigger, String actor, int policyVersion, OffsetDateTime now) {
    return db.insertInto(ALLOCATION_RUN)
        .set(ALLOCATION_RUN.OFFICE_ID, officeId)
        .set(ALLOCATION_RUN.TRIGGERED_BY, trigger.name())
        .set(ALLOCATION_RUN.ACTOR, actor)
        .set(ALLOCATION_RUN.POLICY_VERSION, policyVersion)
        .set(ALLOCATION_RUN.STARTED_AT, now)
        .returning(ALLOCATION_RUN.ID)
        .fetchSingle(ALLOCATION_RUN.ID);
  }

  /**
   * One tier at a time, best first: each tier's eligible requests are read in the tie-break order
   * of {@code ix_print_request_eligible} and the read stops at the blanks still to give, so a run
   * touches the rows it reserves and those of their tier it passes over, not the whole queue.
   */
  @Override
  public int reserveTop(
      long officeId,
      long runId,
      PriorityPolicy policy,
      LocalDate today,
      int limit,
      OffsetDateTime now) {
    PrintRequest r = PRINT_REQUEST.as("r");
    Optional<Field<Integer>> tierCase = PolicySql.tier(r, policy, today);
    Optional<Field<String>> ruleCase = PolicySql.rule(r, policy, today);
    if (tierCase.isEmpty() || ruleCase.isEmpty()) {
      return 0;
    }
    Field<String> rule = ruleCase.get().as("rule");
    Field<LocalDate> suket = PolicySql.suketKey(r).as("suket_key");
    int reserved = 0;
    List<PriorityTier> best =
        policy.tiers().stream().sorted(Comparator.comparingInt(PriorityTier::number)).toList();
    for (PriorityTier t : best) {
      if (reserved >= limit) {
        break;
      }
      Field<Integer> tier = inline(t.number()).as("tier");
      Table<?> top =
          select(r.ID, tier, rule, suket, r.SIAK_STATUS_AT)
              .from(r)
              .where(eligible(r, officeId))
              .and(PolicySql.inTier(r, policy, t.number(), today))
              .orderBy(PolicySql.suketKey(r), r.SIAK_STATUS_AT, r.ID)
              .limit(limit - reserved)
              .asTable("top");
      reserved +=
          requests.reserveRanked(
              officeId,
              runId,
              policy.version(),
              top,
              top.field(r.ID),
              top.field(tier),
              top.field(rule),
              top.field(suket),
              top.field(r.SIAK_STATUS_AT),
              reserved,
              now);
    }
    return reserved == 0 ? 0 : requests.markReserved(officeId, runId, now);
  }

  @Override
  public List<Ranked> ranked(long officeId, PriorityPolicy policy, LocalDate today, int limit) {
    PrintRequest r = PRINT_REQUEST.as("r");
    Optional<Field<Integer>> tierCase = PolicySql.tier(r, policy, today);
    if (tierCase.isEmpty() || limit <= 0) {
      return List.of();
    }
    Field<Integer> tier = tierCase.get();
    return db.select(r.ID, r.NIK, tier)
        .from(r)
        .where(eligible(r, officeId))
        .and(tier.isNotNull())
        .orderBy(tier, PolicySql.suketKey(r), r.SIAK_STATUS_AT, r.ID)
        .limit(limit)
        .fetch(row -> new Ranked(row.value1(), row.value2(), row.value3()));
  }

  @Override
  public java.util.Map<Integer, Long> tierCounts(
      long officeId, PriorityPolicy policy, LocalDate today) {
    PrintRequest r = PRINT_REQUEST.as("r");
    Field<Integer> tier =
        DSL.coalesce(PolicySql.tier(r, policy, today).orElse(DSL.castNull(Integer.class)), 0)
            .as("tier");
    Table<?> placed = select(tier).from(r).where(eligible(r, officeId)).asTable("placed");
    Field<Integer> placedTier = placed.field(tier);
    java.util.Map<Integer, Long> counts = new java.util.TreeMap<>();
    db.select(placedTier, DSL.count())
        .from(placed)
        .groupBy(placedTier)
        .fetch()
        .forEach(row -> counts.put(row.value1(), row.value2().longValue()));
    return counts;
  }

  @Override
  public boolean reserveOne(
      long requestId,
      long runId,
      String rule,
      String approvedBy,
      int policyVersion,
      OffsetDateTime now) {
    return requests.reserveOne(
        requestId, runId, rule, approvedBy, policyVersion, PolicySql.NO_SUKET, now);
  }

  @Override
  public void finishRun(long runId, RunResult result, OffsetDateTime now) {
    db.update(ALLOCATION_RUN)
        .set(ALLOCATION_RUN.FINISHED_AT, now)
        .set(ALLOCATION_RUN.AVAILABLE, result.available())
        .set(ALLOCATION_RUN.HELD, result.held())
        .set(ALLOCATION_RUN.URGENT_RESERVE, result.urgentReserve())
        .set(
            ALLOCATION_RUN.DAILY_CAP,
            result.capLeft().isPresent() ? result.capLeft().getAsInt() : null)
        .set(ALLOCATION_RUN.QUEUED, (int) Math.min(Integer.MAX_VALUE, result.queued()))
        .set(ALLOCATION_RUN.GRANTED, result.granted())
        .set(ALLOCATION_RUN.RELEASED, result.released())
        .where(ALLOCATION_RUN.ID.eq(runId))
        .execute();
    db.update(ALLOCATION_STATE)
        .set(ALLOCATION_STATE.LAST_RUN_ID, runId)
        .set(ALLOCATION_STATE.UPDATED_AT, now)
        .where(ALLOCATION_STATE.OFFICE_ID.eq(result.officeId()))
        .execute();
  }

  @Override
  public Optional<Long> officeOf(String nik) {
    return db.select(PRINT_REQUEST.OFFICE_ID)
        .from(PRINT_REQUEST)
        .where(PRINT_REQUEST.NIK.eq(nik))
        .orderBy(PRINT_REQUEST.ID.desc())
        .limit(1)
        .fetchOptional(PRINT_REQUEST.OFFICE_ID);
  }

  @Override
  public Optional<QueuePosition> position(String nik, PriorityPolicy policy, LocalDate today) {
    PrintRequest r = PRINT_REQUEST.as("r");
    Optional<Field<Integer>> tierCase = PolicySql.tier(r, policy, today);
    Optional<Field<String>> ruleCase = PolicySql.rule(r, policy, today);
    Field<Integer> tier = tierCase.orElse(inline((Integer) null)).as("tier");
    Field<String> rule = ruleCase.orElse(inline((String) null)).as("rule");
    var me =
        db.select(
                r.ID,
                r.OFFICE_ID,
                r.STATUS,
                r.SIAK_STATUS,
                r.HAS_PHOTO,
                tier,
                rule,
                PolicySql.suketKey(r).as("suket_key"),
                r.SIAK_STATUS_AT,
                r.PREVIOUS_REQUEST_ID)
            .from(r)
            .where(r.NIK.eq(nik))
            .orderBy(r.ID.desc())
            .limit(1)
            .fetchOptional();
    if (me.isEmpty()) {
      return Optional.empty();
    }
    var mine = me.get();
    long requestId = mine.get(r.ID);
    long officeId = mine.get(r.OFFICE_ID);
    String status = mine.get(r.STATUS);
    Integer myTier = mine.get(tier);
    LocalDate mySuket = mine.get("suket_key", LocalDate.class);
    OffsetDateTime myAt = mine.get(r.SIAK_STATUS_AT);
    Optional<PriorityPolicy.Placement> placement =
        myTier == null
            ? Optional.empty()
            : Optional.of(
                new PriorityPolicy.Placement(
                    myTier, policy.tier(myTier).map(t -> t.name()).orElse(""), mine.get(rule)));
    long queuedAhead = 0;
    if (myTier != null) {
      queuedAhead =
          countedAhead(officeId, policy, today, myTier, mySuket, myAt, requestId)
              .orElseGet(
                  () ->
                      db.selectCount()
                          .from(r)
                          .where(eligible(r, officeId))
                          .and(tierCase.get().isNotNull())
                          .and(
                              row(tierCase.get(), PolicySql.suketKey(r), r.SIAK_STATUS_AT, r.ID)
                                  .lt(row(val(myTier), val(mySuket), val(myAt), val(requestId))))
                          .fetchSingle(0, Long.class));
    }
    Optional<ReservationRecord> reservation =
        db.selectFrom(RESERVATION)
            .where(RESERVATION.REQUEST_ID.eq(requestId))
            .and(RESERVATION.RELEASED_AT.isNull())
            .and(RESERVATION.CONSUMED_AT.isNull())
            .fetchOptional();
    long heldAhead;
    if (reservation.isPresent()) {
      PrintRequest h = PRINT_REQUEST.as("h");
      heldAhead =
          db.selectCount()
              .from(h)
              .join(RESERVATION)
              .on(RESERVATION.REQUEST_ID.eq(h.ID))
              .and(RESERVATION.RELEASED_AT.isNull())
              .and(RESERVATION.CONSUMED_AT.isNull())
              .where(h.OFFICE_ID.eq(officeId))
              .and(h.STATUS.in(names(RequestStatus.HOLDING_BLANK)))
              .and(
                  // the print order of the held blanks (ix_reservation_print_order)
                  row(
                          RESERVATION.TIER,
                          RESERVATION.SUKET_KEY,
                          RESERVATION.READY_AT,
                          RESERVATION.REQUEST_ID)
                      .lt(
                          row(
                              val(reservation.get().getTier()),
                              val(reservation.get().getSuketKey()),
                              val(reservation.get().getReadyAt()),
                              val(requestId))))
              .fetchSingle(0, Long.class);
    } else {
      heldAhead =
          db.select(JooqReservationCeiling.holdingBlank(officeId)).fetchSingle(0, Long.class);
    }
    return Optional.of(
        new QueuePosition(
            requestId,
            officeId,
            status,
            RequestStatus.valueOf(status) == RequestStatus.QUEUED
                && ResidentRecord.PRINT_READY.equals(mine.get(r.SIAK_STATUS))
                && mine.get(r.HAS_PHOTO),
            mine.get(r.SIAK_STATUS),
            mine.get(r.HAS_PHOTO),
            placement,
            queuedAhead,
            heldAhead,
            reservation.map(
                res ->
                    new Reservation(
                        res.getRunId() == null ? 0 : res.getRunId(),
                        res.getTier(),
                        res.getRule(),
                        res.getQueueRank(),
                        res.getReservedAt())),
            Optional.ofNullable(mine.get(r.PREVIOUS_REQUEST_ID))));
  }

  /**
   * The eligible requests ahead of the key {@code (tier, suket, at, id)} from the office's queue
   * counts (V192): the buckets of earlier tiers and Suket keys, the days of the same tier and Suket
   * key before its own, and the rest of its own day from the eligible-queue index. Empty when the
   * counts are not those of {@code policy} today; read in one statement, so with the counts they
   * were checked against.
   */
  private Optional<Long> countedAhead(
      long officeId,
      PriorityPolicy policy,
      LocalDate today,
      int tier,
      LocalDate suket,
      OffsetDateTime at,
      long requestId) {
    PrintRequest r = PRINT_REQUEST.as("r");
    LocalDate day = at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    OffsetDateTime dayStart = day.atStartOfDay().atOffset(ZoneOffset.UTC);
    Field<java.math.BigDecimal> earlier =
        DSL.field(
            select(DSL.sum(QUEUE_COUNT_SUKET.N))
                .from(QUEUE_COUNT_SUKET)
                .where(QUEUE_COUNT_SUKET.OFFICE_ID.eq(officeId))
                .and(
                    row(QUEUE_COUNT_SUKET.TIER, QUEUE_COUNT_SUKET.SUKET_KEY)
                        .lt(row(val(tier), val(suket)))));
    Field<java.math.BigDecimal> days =
        DSL.field(
            select(DSL.sum(QUEUE_COUNT_DAY.N))
                .from(QUEUE_COUNT_DAY)
                .where(QUEUE_COUNT_DAY.OFFICE_ID.eq(officeId))
                .and(QUEUE_COUNT_DAY.TIER.eq(tier))
                .and(QUEUE_COUNT_DAY.SUKET_KEY.eq(suket))
                .and(QUEUE_COUNT_DAY.READY_DAY.lt(day)));
    Field<Integer> sameDay =
        DSL.field(
            select(DSL.count())
                .from(r)
                .where(eligible(r, officeId))
                .and(PolicySql.suketKey(r).eq(suket))
                .and(r.SIAK_STATUS_AT.ge(dayStart))
                .and(row(r.SIAK_STATUS_AT, r.ID).lt(row(val(at), val(requestId))))
                .and(PolicySql.inTier(r, policy, tier, today)));
    return db.select(
            DSL.coalesce(earlier, java.math.BigDecimal.ZERO),
            DSL.coalesce(days, java.math.BigDecimal.ZERO),
            sameDay)
        .from(QUEUE_COUNT_STATE)
        .where(QUEUE_COUNT_STATE.OFFICE_ID.eq(officeId))
        .and(QUEUE_COUNT_STATE.POLICY_VERSION.eq(policy.version()))
        .and(QUEUE_COUNT_STATE.TIER_DAY.eq(today))
        .fetchOptional()
        .map(row -> row.value1().longValue() + row.value2().longValue() + row.value3());
  }

  @Override
  public boolean queueCounted(long officeId, PriorityPolicy policy, LocalDate today) {
    return db.fetchExists(
        QUEUE_COUNT_STATE,
        QUEUE_COUNT_STATE
            .OFFICE_ID
            .eq(officeId)
            .and(QUEUE_COUNT_STATE.POLICY_VERSION.eq(policy.version()))
            .and(QUEUE_COUNT_STATE.TIER_DAY.eq(today)));
  }

  @Override
  public void countQueue(long officeId) {
    db.insertInto(QUEUE_COUNT_STATE)
        .set(QUEUE_COUNT_STATE.OFFICE_ID, officeId)
        .set(QUEUE_COUNT_STATE.POLICY_VERSION, -1)
        .set(QUEUE_COUNT_STATE.TIER_DAY, LocalDate.EPOCH)
        .onConflictDoNothing()
        .execute();
  }

  /**
   * The office's state row is locked first: the triggers of the transactions that change the queue
   * share-lock it, so the counts below are those of every change committed before, and each change
   * after waits and is counted on top of them. A transaction whose trigger ran before the state row
   * was committed took no lock: the first count of an office waits for every transaction writing
   * requests to end, and holds off new ones until it commits.
   */
  @Override
  public void recount(long officeId, PriorityPolicy policy, LocalDate today) {
    boolean first =
        db.fetchExists(
            QUEUE_COUNT_STATE,
            QUEUE_COUNT_STATE.OFFICE_ID.eq(officeId).and(QUEUE_COUNT_STATE.POLICY_VERSION.eq(-1)));
    if (first) {
      // before the row lock: a writer's trigger waits for the row lock while holding its table lock
      db.execute("lock table print_request in share mode");
    }
    var state =
        db.selectFrom(QUEUE_COUNT_STATE)
            .where(QUEUE_COUNT_STATE.OFFICE_ID.eq(officeId))
            .forUpdate()
            .fetchSingle();
    if (state.getPolicyVersion() == policy.version() && today.equals(state.getTierDay())) {
      return;
    }
    db.deleteFrom(QUEUE_COUNT_RULE).where(QUEUE_COUNT_RULE.OFFICE_ID.eq(officeId)).execute();
    db.deleteFrom(QUEUE_COUNT_DAY).where(QUEUE_COUNT_DAY.OFFICE_ID.eq(officeId)).execute();
    db.deleteFrom(QUEUE_COUNT_SUKET).where(QUEUE_COUNT_SUKET.OFFICE_ID.eq(officeId)).execute();
    int ordinal = 0;
    var rules = db.insertInto(QUEUE_COUNT_RULE).columns(QUEUE_COUNT_RULE.fields());
    for (PriorityTier t : policy.tiers()) {
      for (PriorityRule rule : t.rules()) {
        if (rule.activeOn(today)) {
          rules =
              rules.values(
                  officeId,
                  ++ordinal,
                  t.number(),
                  rule.reasons().isEmpty()
                      ? null
                      : rule.reasons().stream().map(Enum::name).sorted().toArray(String[]::new),
                  rule.urgent().orElse(null),
                  rule.vulnerable().orElse(null),
                  rule.disabled().orElse(null),
                  rule.bornOnOrBefore(today).orElse(null),
                  rule.bornAfter(today).orElse(null));
        }
      }
    }
    if (ordinal > 0) {
      rules.execute();
      PrintRequest r = PRINT_REQUEST.as("r");
      Field<Integer> tier = PolicySql.tier(r, policy, today).orElseThrow().as("tier");
      Field<LocalDate> suket = PolicySql.suketKey(r).as("suket_key");
      Field<LocalDate> day =
          DSL.field("({0} at time zone 'UTC')::date", LocalDate.class, r.SIAK_STATUS_AT)
              .as("ready_day");
      Table<?> placed = select(tier, suket, day).from(r).where(eligible(r, officeId)).asTable("p");
      db.insertInto(
              QUEUE_COUNT_DAY,
              QUEUE_COUNT_DAY.OFFICE_ID,
              QUEUE_COUNT_DAY.TIER,
              QUEUE_COUNT_DAY.SUKET_KEY,
              QUEUE_COUNT_DAY.READY_DAY,
              QUEUE_COUNT_DAY.N)
          .select(
              select(
                      inline(officeId),
                      placed.field(tier),
                      placed.field(suket),
                      placed.field(day),
                      DSL.count().cast(Long.class))
                  .from(placed)
                  .where(placed.field(tier).isNotNull())
                  .groupBy(placed.field(tier), placed.field(suket), placed.field(day)))
          .execute();
      db.insertInto(
              QUEUE_COUNT_SUKET,
              QUEUE_COUNT_SUKET.OFFICE_ID,
              QUEUE_COUNT_SUKET.TIER,
              QUEUE_COUNT_SUKET.SUKET_KEY,
              QUEUE_COUNT_SUKET.N)
          .select(
              select(
                      QUEUE_COUNT_DAY.OFFICE_ID,
                      QUEUE_COUNT_DAY.TIER,
                      QUEUE_COUNT_DAY.SUKET_KEY,
                      DSL.sum(QUEUE_COUNT_DAY.N).cast(Long.class))
                  .from(QUEUE_COUNT_DAY)
                  .where(QUEUE_COUNT_DAY.OFFICE_ID.eq(officeId))
                  .groupBy(
                      QUEUE_COUNT_DAY.OFFICE_ID, QUEUE_COUNT_DAY.TIER, QUEUE_COUNT_DAY.SUKET_KEY))
          .execute();
    }
    db.update(QUEUE_COUNT_STATE)
        .set(QUEUE_COUNT_STATE.POLICY_VERSION, policy.version())
        .set(QUEUE_COUNT_STATE.TIER_DAY, today)
        .where(QUEUE_COUNT_STATE.OFFICE_ID.eq(officeId))
        .execute();
  }
}
