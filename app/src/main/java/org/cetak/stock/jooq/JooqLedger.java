package org.cetak.stock.jooq;

import static org.cetak.db.jooq.Tables.PRINTER;
import static org.cetak.db.jooq.Tables.PRINTER_HOUR_COUNT;
import static org.cetak.db.jooq.Tables.STOCK_BALANCE;
import static org.cetak.db.jooq.Tables.STOCK_MOVEMENT;
import static org.cetak.db.jooq.Tables.STOCK_SOURCE_TOTAL;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.cetak.common.DomainException;
import org.cetak.db.jooq.tables.records.StockBalanceRecord;
import org.cetak.db.jooq.tables.records.StockMovementRecord;
import org.cetak.platform.Jdbc;
import org.cetak.stock.Balance;
import org.cetak.stock.Item;
import org.cetak.stock.Ledger;
import org.cetak.stock.LedgerQuery;
import org.cetak.stock.Location;
import org.cetak.stock.Movement;
import org.cetak.stock.Place;
import org.cetak.stock.PrinterOutput;
import org.cetak.stock.RecordedMovement;
import org.cetak.stock.ReferenceKind;
import org.cetak.stock.ReservationCeiling;
import org.cetak.stock.StockError;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The ledger in PostgreSQL. A movement updates the two balances it touches — the source only when
 * it holds enough, the target created on first use — always in the same order of places, so two
 * movements between the same places never wait on each other in a cycle; then it writes the
 * movement row: three statements ({@link #recordAll} sends those of a print-room step's movements
 * in one round trip). The table's CHECK (quantity >= 0) is the last guard; the trigger refuses
 * UPDATE, DELETE and TRUNCATE of movements.
 *
 * <p>{@link #record} must run inside the caller's transaction ({@link
 * org.cetak.common.Transactions}): the lock, both balances and the row commit together.
 */
public final class JooqLedger implements Ledger {

  /** The order in which a movement's two balance rows are locked. */
  private static final Comparator<Place> ORDER =
      Comparator.comparing((Place p) -> p.location()).thenComparing(p -> p.printerId().orElse(0L));

  /**
   * The text of a step's statements by their kinds in order, one after the other (pgjdbc sends them
   * with their bind values in one round trip and keeps each prepared).
   */
  private static final Map<List<Statement>, String> TEXTS = new ConcurrentHashMap<>();

  private final DSLContext db;
  private final Clock clock;
  private final ReservationCeiling ceiling;

  public JooqLedger(DSLContext db, Clock clock) {
    this(db, clock, ReservationCeiling.none());
  }

  /** A ledger that tells {@code ceiling} of each movement out of the vault or a feeder. */
  public JooqLedger(DSLContext db, Clock clock, ReservationCeiling ceiling) {
    this.db = db;
    this.clock = clock;
    this.ceiling = ceiling;
  }

  @Override
  public RecordedMovement record(Movement m) {
    RecordedMovement recorded =
        Jdbc.onConnection(
            db,
            () -> "record movement " + m,
            c -> {
              // an add always changes its row; a take changes none when the source holds too little
              for (Statement balance : balanceUpdates(m)) {
                try (PreparedStatement s = c.prepareStatement(balance.sql)) {
                  balance.bind(s, 1, m, null);
                  if (s.executeUpdate() == 0) {
                    throw insufficient(m);
                  }
                }
              }
              try (PreparedStatement s = c.prepareStatement(Statement.MOVEMENT.sql)) {
                Statement.MOVEMENT.bind(s, 1, m, OffsetDateTime.now(clock));
                try (ResultSet row = s.executeQuery()) {
                  row.next();
                  return recorded(row, m);
                }
              }
            });
    checkCeiling(List.of(m));
    return recorded;
  }

  private void checkCeiling(List<Movement> movements) {
    movements.stream()
        .filter(ReservationCeiling::shrinks)
        .mapToLong(Movement::officeId)
        .distinct()
        .forEach(ceiling::check);
  }

  /**
   * The movements' statements in the order {@link #record} sends them, together in one round trip;
   * a source that held too little refuses the whole batch (the caller's transaction rolls back).
   */
  @Override
  public void recordAll(List<Movement> movements) {
    write(movements);
    checkCeiling(movements);
  }

  @Override
  public void recordPendingPick(List<Movement> movements) {
    write(movements);
  }

  /**
   * The statements of the movements, in order, as one text sent with its bind values in one round
   * trip: the same text, and so the same prepared statements, for every step of the same shape. (A
   * JDBC batch repeats one text: it would take all the balances before writing any movement row,
   * another lock order than {@link #record}'s.)
   */
  private void write(List<Movement> movements) {
    List<Statement> statements = new ArrayList<>();
    List<Movement> of = new ArrayList<>();
    for (Movement m : movements) {
      for (Statement balance : balanceUpdates(m)) {
        statements.add(balance);
        of.add(m);
      }
      statements.add(Statement.MOVEMENT);
      of.add(m);
    }
    String sql = TEXTS.computeIfAbsent(statements, JooqLedger::joined);
    Movement refused =
        Jdbc.onConnection(
            db,
            () -> "record " + movements.size() + " movements, the first " + movements.get(0),
            c -> {
              try (PreparedStatement s = c.prepareStatement(sql)) {
                int index = 1;
                for (int i = 0; i < statements.size(); i++) {
                  Statement statement = statements.get(i);
                  OffsetDateTime at =
                      statement == Statement.MOVEMENT ? OffsetDateTime.now(clock) : null;
                  index = statement.bind(s, index, of.get(i), at);
                }
                Movement first = null;
                boolean rows = s.execute();
                for (int i = 0; i < statements.size(); i++) {
                  if (!rows && statements.get(i) != Statement.MOVEMENT && s.getUpdateCount() == 0) {
                    first = first == null ? of.get(i) : first;
                  }
                  rows = s.getMoreResults();
                }
                return first;
              }
            });
    if (refused != null) {
      throw insufficient(refused);
    }
  }

  private static String joined(List<Statement> statements) {
    return statements.stream().map(s -> s.sql).collect(Collectors.joining(";\n"));
  }

  /**
   * The balance statements of a movement, each changing one row: the take and the add in the order
   * of their places, so two movements between the same places never wait on each other in a cycle.
   */
  private static List<Statement> balanceUpdates(Movement m) {
    boolean takes = !m.from().location().isSource();
    boolean adds = !m.to().location().isSource();
    List<Statement> statements = new ArrayList<>(2);
    if (takes && ORDER.compare(m.from(), m.to()) < 0) {
      statements.add(Statement.TAKE);
      if (adds) {
        statements.add(Statement.ADD);
      }
    } else {
      if (adds) {
        statements.add(Statement.ADD);
      }
      if (takes) {
        statements.add(Statement.TAKE);
      }
    }
    return statements;
  }

  /** The statements of a movement: fixed texts with bind values. */
  private enum Statement {
    /**
     * Takes the quantity from the source balance, locking its row; changes nothing when it holds
     * less. The condition is evaluated again on the locked row, so two movements racing for the
     * last blank cannot both take it.
     */
    TAKE(
        """
        update stock_balance set quantity = quantity - ?
         where office_id = ? and item = ? and location = ? and coalesce(printer_id, 0) = ?
           and quantity >= ?"""),
    /**
     * Adds the quantity to the target balance, creating it on first use, locking its row (one row
     * inserted or updated).
     */
    ADD(
        """
        insert into stock_balance (office_id, item, location, printer_id, quantity)
        values (?, ?, ?, ?, ?)
        on conflict (office_id, item, location, coalesce(printer_id, 0))
        do update set quantity = stock_balance.quantity + excluded.quantity"""),
    /** The movement's row. */
    MOVEMENT(
        """
        insert into stock_movement (office_id, item, from_location, from_printer_id, to_location,
                                    to_printer_id, quantity, reason, actor, occurred_at,
                                    reference_kind, reference_id, serial_first, serial_last,
                                    chip_uid, request_id, note)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        returning id, occurred_at""");

    private final String sql;

    Statement(String sql) {
      this.sql = sql;
    }

    /** Binds the movement's values from parameter {@code index}; the next parameter's index. */
    int bind(PreparedStatement s, int index, Movement m, OffsetDateTime now) throws SQLException {
      int i = index;
      switch (this) {
        case TAKE -> {
          s.setLong(i++, m.quantity());
          s.setLong(i++, m.officeId());
          s.setString(i++, m.item().name());
          s.setString(i++, m.from().location().name());
          s.setLong(i++, m.from().printerId().orElse(0L));
          s.setLong(i++, m.quantity());
        }
        case ADD -> {
          s.setLong(i++, m.officeId());
          s.setString(i++, m.item().name());
          s.setString(i++, m.to().location().name());
          s.setObject(i++, m.to().printerId().orElse(null), Types.BIGINT);
          s.setLong(i++, m.quantity());
        }
        case MOVEMENT -> {
          Movement.Detail d = m.detail();
          s.setLong(i++, m.officeId());
          s.setString(i++, m.item().name());
          s.setString(i++, m.from().location().name());
          s.setObject(i++, m.from().printerId().orElse(null), Types.BIGINT);
          s.setString(i++, m.to().location().name());
          s.setObject(i++, m.to().printerId().orElse(null), Types.BIGINT);
          s.setInt(i++, m.quantity());
          s.setString(i++, m.reason());
          s.setString(i++, m.actor());
          s.setObject(i++, now);
          s.setString(i++, m.referenceKind().name());
          s.setLong(i++, m.referenceId());
          s.setString(i++, d.serialFirst().orElse(null));
          s.setString(i++, d.serialLast().orElse(null));
          s.setString(i++, d.chipUid().orElse(null));
          s.setObject(i++, d.requestId().orElse(null), Types.BIGINT);
          s.setString(i++, d.note() == null ? "" : d.note());
        }
      }
      return i;
    }
  }

  /** The movement as stored: its id, its time, and no note stored as an empty one. */
  private static RecordedMovement recorded(ResultSet row, Movement m) throws SQLException {
    Movement.Detail d = m.detail();
    Movement stored =
        d.note() != null
            ? m
            : new Movement(
                m.officeId(),
                m.item(),
                m.from(),
                m.to(),
                m.quantity(),
                m.reason(),
                m.actor(),
                m.referenceKind(),
                m.referenceId(),
                d.withNote(""));
    return new RecordedMovement(
        row.getLong("id"), row.getObject("occurred_at", OffsetDateTime.class).toInstant(), stored);
  }

  private DomainException insufficient(Movement m) {
    long holds = balance(m.officeId(), m.item(), m.from());
    return new DomainException(
        StockError.INSUFFICIENT_BALANCE,
        m.from()
            + " of office "
            + m.officeId()
            + " holds "
            + holds
            + " "
            + m.item()
            + ", cannot move "
            + m.quantity(),
        holds,
        m.quantity());
  }

  @Override
  public List<Balance> balances(long officeId) {
    return db.selectFrom(STOCK_BALANCE)
        .where(STOCK_BALANCE.OFFICE_ID.eq(officeId))
        .orderBy(STOCK_BALANCE.ID)
        .fetch(JooqLedger::toBalance);
  }

  @Override
  public long balance(long officeId, Item item, Place place) {
    Long q =
        db.select(STOCK_BALANCE.QUANTITY)
            .from(STOCK_BALANCE)
            .where(slot(officeId, item, place))
            .fetchOne(STOCK_BALANCE.QUANTITY);
    return q == null ? 0 : q;
  }

  @Override
  public Map<String, Long> flows(long officeId, Instant from, Instant until) {
    Field<java.math.BigDecimal> total = DSL.sum(STOCK_MOVEMENT.QUANTITY);
    Map<String, Long> flows = new HashMap<>();
    db.select(STOCK_MOVEMENT.ITEM, STOCK_MOVEMENT.FROM_LOCATION, STOCK_MOVEMENT.TO_LOCATION, total)
        .from(STOCK_MOVEMENT)
        .where(STOCK_MOVEMENT.OFFICE_ID.eq(officeId))
        .and(STOCK_MOVEMENT.OCCURRED_AT.ge(at(from)))
        .and(STOCK_MOVEMENT.OCCURRED_AT.lt(at(until)))
        .groupBy(STOCK_MOVEMENT.ITEM, STOCK_MOVEMENT.FROM_LOCATION, STOCK_MOVEMENT.TO_LOCATION)
        .fetch()
        .forEach(
            r ->
                flows.put(
                    r.value1() + ":" + r.value2() + ":" + r.value3(), r.value4().longValueExact()));
    return flows;
  }

  @Override
  public Map<String, Long> sourced(long officeId) {
    Map<String, Long> sourced = new HashMap<>();
    db.select(STOCK_SOURCE_TOTAL.ITEM, STOCK_SOURCE_TOTAL.LOCATION, STOCK_SOURCE_TOTAL.QUANTITY)
        .from(STOCK_SOURCE_TOTAL)
        .where(STOCK_SOURCE_TOTAL.OFFICE_ID.eq(officeId))
        .forEach(r -> sourced.put(r.value1() + ":" + r.value2(), r.value3()));
    return sourced;
  }

  /** From the counts the database keeps per printer and hour (migration V57). */
  @Override
  public Map<Long, PrinterOutput> printerOutput(long officeId, Instant from, Instant until) {
    Map<Long, PrinterOutput> output = new HashMap<>();
    db.select(
            PRINTER_HOUR_COUNT.PRINTER_ID,
            DSL.sum(PRINTER_HOUR_COUNT.PRINTED).cast(Long.class),
            DSL.sum(PRINTER_HOUR_COUNT.SPOILED).cast(Long.class))
        .from(PRINTER_HOUR_COUNT)
        .join(PRINTER)
        .on(PRINTER.ID.eq(PRINTER_HOUR_COUNT.PRINTER_ID))
        .where(PRINTER.OFFICE_ID.eq(officeId))
        .and(PRINTER_HOUR_COUNT.HOUR.ge(at(from)))
        .and(PRINTER_HOUR_COUNT.HOUR.lt(at(until)))
        .groupBy(PRINTER_HOUR_COUNT.PRINTER_ID)
        .forEach(r -> output.put(r.value1(), new PrinterOutput(r.value2(), r.value3())));
    return output;
  }

  /**
   * The balances now less the movements at or after {@code until}, in one statement (one snapshot):
   * the balances are the sums of every movement (each is written with its balances in one
   * transaction), so this equals the sums of the movements before {@code until} while reading only
   * the movements since then, none for the end of today.
   */
  @Override
  public List<Balance> sumsUntil(long officeId, Instant until) {
    Field<Long> quantity = STOCK_MOVEMENT.QUANTITY.cast(Long.class);
    Table<?> parts =
        DSL.select(
                STOCK_BALANCE.ITEM,
                STOCK_BALANCE.LOCATION,
                STOCK_BALANCE.PRINTER_ID,
                STOCK_BALANCE.QUANTITY)
            .from(STOCK_BALANCE)
            .where(STOCK_BALANCE.OFFICE_ID.eq(officeId))
            .unionAll(
                DSL.select(
                        STOCK_MOVEMENT.ITEM,
                        STOCK_MOVEMENT.TO_LOCATION,
                        STOCK_MOVEMENT.TO_PRINTER_ID,
                        quantity.neg())
                    .from(STOCK_MOVEMENT)
                    .where(STOCK_MOVEMENT.OFFICE_ID.eq(officeId))
                    .and(STOCK_MOVEMENT.OCCURRED_AT.ge(at(until))))
            .unionAll(
                DSL.select(
                        STOCK_MOVEMENT.ITEM,
                        STOCK_MOVEMENT.FROM_LOCATION,
                        STOCK_MOVEMENT.FROM_PRINTER_ID,
                        quantity)
                    .from(STOCK_MOVEMENT)
                    .where(STOCK_MOVEMENT.OFFICE_ID.eq(officeId))
                    .and(STOCK_MOVEMENT.OCCURRED_AT.ge(at(until))))
            .asTable("part");
    Field<String> item = parts.field(STOCK_BALANCE.ITEM);
    Field<String> location = parts.field(STOCK_BALANCE.LOCATION);
    Field<Long> printer = parts.field(STOCK_BALANCE.PRINTER_ID);
    Field<Long> total = DSL.sum(parts.field(STOCK_BALANCE.QUANTITY)).cast(Long.class);
    List<Balance> sums = new ArrayList<>();
    for (Record4<String, String, Long, Long> r :
        db.select(item, location, printer, total)
            .from(parts)
            .groupBy(item, location, printer)
            .fetch()) {
      Location at = Location.valueOf(r.value2());
      if (!at.isSource()) {
        sums.add(
            new Balance(
                officeId,
                Item.valueOf(r.value1()),
                new Place(at, Optional.ofNullable(r.value3())),
                r.value4()));
      }
    }
    return sums;
  }

  @Override
  public List<Balance> allBalances() {
    return db.selectFrom(STOCK_BALANCE).orderBy(STOCK_BALANCE.ID).fetch(JooqLedger::toBalance);
  }

  @Override
  public List<Balance> allSums() {
    return sums(DSL.trueCondition());
  }

  @Override
  public boolean printerUsed(long officeId, long printerId) {
    return db.fetchExists(
        db.selectOne()
            .from(STOCK_MOVEMENT)
            .where(STOCK_MOVEMENT.OFFICE_ID.eq(officeId))
            .and(
                STOCK_MOVEMENT
                    .FROM_PRINTER_ID
                    .eq(printerId)
                    .or(STOCK_MOVEMENT.TO_PRINTER_ID.eq(printerId))));
  }

  @Override
  public List<RecordedMovement> recent(long officeId, int limit) {
    return db.selectFrom(STOCK_MOVEMENT)
        .where(STOCK_MOVEMENT.OFFICE_ID.eq(officeId))
        .orderBy(STOCK_MOVEMENT.ID.desc())
        .limit(limit)
        .fetch(JooqLedger::toMovement);
  }

  @Override
  public List<RecordedMovement> page(LedgerQuery query) {
    Condition where = STOCK_MOVEMENT.OFFICE_ID.eq(query.officeId());
    if (query.from().isPresent()) {
      where = where.and(STOCK_MOVEMENT.OCCURRED_AT.ge(at(query.from().get())));
    }
    if (query.until().isPresent()) {
      where = where.and(STOCK_MOVEMENT.OCCURRED_AT.lt(at(query.until().get())));
    }
    if (query.location().isPresent()) {
      String location = query.location().get().name();
      where =
          where.and(
              STOCK_MOVEMENT
                  .FROM_LOCATION
                  .eq(location)
                  .or(STOCK_MOVEMENT.TO_LOCATION.eq(location)));
    }
    if (query.kind().isPresent()) {
      where = where.and(STOCK_MOVEMENT.REFERENCE_KIND.eq(query.kind().get().name()));
    }
    if (query.printerId().isPresent()) {
      long printer = query.printerId().get();
      where =
          where.and(
              STOCK_MOVEMENT
                  .FROM_PRINTER_ID
                  .eq(printer)
                  .or(STOCK_MOVEMENT.TO_PRINTER_ID.eq(printer)));
    }
    if (query.before().isPresent()) {
      where = where.and(STOCK_MOVEMENT.ID.lt(query.before().get()));
    }
    return db.selectFrom(STOCK_MOVEMENT)
        .where(where)
        .orderBy(STOCK_MOVEMENT.ID.desc())
        .limit(query.limit())
        .fetch(JooqLedger::toMovement);
  }

  @Override
  public List<RecordedMovement> between(long officeId, Instant from, Instant until) {
    return db.selectFrom(STOCK_MOVEMENT)
        .where(STOCK_MOVEMENT.OFFICE_ID.eq(officeId))
        .and(STOCK_MOVEMENT.OCCURRED_AT.ge(at(from)))
        .and(STOCK_MOVEMENT.OCCURRED_AT.lt(at(until)))
        .orderBy(STOCK_MOVEMENT.ID)
        .fetch(JooqLedger::toMovement);
  }

  /** Sums in minus out per place, over the movements matching {@code where}. */
  private List<Balance> sums(Condition where) {
    Map<String, Balance> sums = new HashMap<>();
    List<Record4<Long, String, String, Long>> ins =
        flowsBy(where, STOCK_MOVEMENT.TO_LOCATION, STOCK_MOVEMENT.TO_PRINTER_ID);
    List<Record4<Long, String, String, Long>> outs =
        flowsBy(where, STOCK_MOVEMENT.FROM_LOCATION, STOCK_MOVEMENT.FROM_PRINTER_ID);
    add(sums, ins, 1);
    add(sums, outs, -1);
    return sums.values().stream().filter(b -> !b.place().location().isSource()).toList();
  }

  private static void add(
      Map<String, Balance> sums, List<Record4<Long, String, String, Long>> rows, int sign) {
    // value1 office, value2 item, value3 "LOCATION/printer", value4 total
    for (Record4<Long, String, String, Long> r : rows) {
      String[] slot = r.value3().split("/", -1);
      Place place =
          new Place(
              Location.valueOf(slot[0]),
              slot[1].isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(slot[1])));
      String key = r.value1() + ":" + r.value2() + ":" + r.value3();
      Balance before = sums.get(key);
      long q = (before == null ? 0 : before.quantity()) + sign * r.value4();
      sums.put(key, new Balance(r.value1(), Item.valueOf(r.value2()), place, q));
    }
  }

  private List<Record4<Long, String, String, Long>> flowsBy(
      Condition where, Field<String> location, Field<Long> printer) {
    Field<String> slot =
        location
            .concat(DSL.inline("/"))
            .concat(DSL.coalesce(printer.cast(String.class), DSL.inline("")));
    Field<Long> total = DSL.sum(STOCK_MOVEMENT.QUANTITY).cast(Long.class);
    return db.select(STOCK_MOVEMENT.OFFICE_ID, STOCK_MOVEMENT.ITEM, slot, total)
        .from(STOCK_MOVEMENT)
        .where(where)
        .groupBy(STOCK_MOVEMENT.OFFICE_ID, STOCK_MOVEMENT.ITEM, slot)
        .fetch();
  }

  private static Condition slot(long officeId, Item item, Place place) {
    return STOCK_BALANCE
        .OFFICE_ID
        .eq(officeId)
        .and(STOCK_BALANCE.ITEM.eq(item.name()))
        .and(STOCK_BALANCE.LOCATION.eq(place.location().name()))
        .and(DSL.coalesce(STOCK_BALANCE.PRINTER_ID, 0L).eq(place.printerId().orElse(0L)));
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Balance toBalance(StockBalanceRecord r) {
    return new Balance(
        r.getOfficeId(),
        Item.valueOf(r.getItem()),
        new Place(Location.valueOf(r.getLocation()), Optional.ofNullable(r.getPrinterId())),
        r.getQuantity());
  }

  private static RecordedMovement toMovement(StockMovementRecord r) {
    return new RecordedMovement(
        r.getId(),
        r.getOccurredAt().toInstant(),
        new Movement(
            r.getOfficeId(),
            Item.valueOf(r.getItem()),
            new Place(
                Location.valueOf(r.getFromLocation()), Optional.ofNullable(r.getFromPrinterId())),
            new Place(Location.valueOf(r.getToLocation()), Optional.ofNullable(r.getToPrinterId())),
            r.getQuantity(),
            r.getReason(),
            r.getActor(),
            ReferenceKind.valueOf(r.getReferenceKind()),
            r.getReferenceId(),
            new Movement.Detail(
                Optional.ofNullable(r.getSerialFirst()),
                Optional.ofNullable(r.getSerialLast()),
                Optional.ofNullable(r.getChipUid()),
                Optional.ofNullable(r.getRequestId()),
                r.getNote())));
  }
}
