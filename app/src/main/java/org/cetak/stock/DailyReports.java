package org.cetak.stock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.cetak.common.OfficeZones;
import org.cetak.office.Access;

/** Builds the daily stock report from the ledger alone, so it equals the ledger to the card. */
public final class DailyReports {

  /** WIB: the zone of an office that keeps none, and of the stock's other dates. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

  private static final int USE_WINDOW_DAYS = 14;

  private final Ledger ledger;
  private final StockLevels levels;
  private final Access access;
  private final OfficeZones zones;

  /**
   * @param zones each office's time zone: a report's day runs from midnight to midnight in it
   */
  public DailyReports(Ledger ledger, StockLevels levels, Access access, OfficeZones zones) {
    this.ledger = ledger;
    this.levels = levels;
    this.access = access;
    this.zones = zones;
  }

  public DailyStockReport report(long officeId, LocalDate day) {
    String name = access.office(officeId).name();
    ZoneId zone = zones.of(officeId);
    Instant start = day.atStartOfDay(zone).toInstant();
    Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
    List<Balance> atStart = ledger.sumsUntil(officeId, start);
    List<Balance> atEnd = ledger.sumsUntil(officeId, end);
    Map<String, Long> flows = ledger.flows(officeId, start, end);

    Map<String, Long> byReason = new TreeMap<>();
    for (RecordedMovement m : ledger.between(officeId, start, end)) {
      Movement mv = m.movement();
      if (mv.item() == Item.BLANK && mv.to().location() == Location.SPOILED) {
        byReason.merge(mv.reason(), (long) mv.quantity(), Long::sum);
      }
    }

    long used = usedInWindow(officeId, end);
    long reserved = levels.reserved(officeId);
    long usable = usable(atEnd, reserved);
    OptionalDouble daysLeft = daysLeft(usable, used);

    return new DailyStockReport(
        officeId,
        name,
        day,
        onHand(atStart),
        StockLevels.received(flows),
        StockLevels.outOf(flows, Item.BLANK, Location.BORROWED)
            - StockLevels.into(flows, Item.BLANK, Location.BORROWED),
        StockLevels.into(flows, Item.BLANK, Location.PRINTED),
        StockLevels.into(flows, Item.BLANK, Location.SPOILED),
        StockLevels.into(flows, Item.BLANK, Location.DESTROYED),
        StockLevels.into(flows, Item.BLANK, Location.LENT)
            - StockLevels.outOf(flows, Item.BLANK, Location.LENT),
        onHand(atEnd),
        byReason,
        StockLevels.held(atEnd, Item.BLANK, Location.VAULT),
        StockLevels.held(atEnd, Item.BLANK, Location.FEEDER),
        StockLevels.held(atEnd, Item.BLANK, Location.INSIDE_PRINTER),
        StockLevels.held(atEnd, Item.BLANK, Location.UNKNOWN),
        StockLevels.held(atEnd, Item.BLANK, Location.SPOILED),
        StockLevels.outOf(flows, Item.OLD_CARD, Location.WITHDRAWN),
        StockLevels.into(flows, Item.OLD_CARD, Location.DESTROYED),
        reserved,
        usable,
        levels.reorderThreshold(),
        usable < levels.reorderThreshold(),
        used,
        daysLeft,
        StockLevels.into(flows, Item.BLANK, Location.LOST),
        StockLevels.outOf(flows, Item.BLANK, Location.LOST),
        StockLevels.held(atEnd, Item.BLANK, Location.LOST));
  }

  /**
   * The report's days of stock left for a day, read without the rest of the report (three
   * aggregates, whatever the size of the day): the dashboard's figure.
   */
  public OptionalDouble daysOfStockLeft(long officeId, LocalDate day) {
    return daysOfStockLeft(officeId, day, zones.of(officeId), levels.reserved(officeId));
  }

  /**
   * As {@link #daysOfStockLeft(long, LocalDate)} with the office's time zone and the blanks
   * reserved now already read.
   */
  public OptionalDouble daysOfStockLeft(long officeId, LocalDate day, ZoneId zone, long reserved) {
    Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
    long used = usedInWindow(officeId, end);
    return used == 0
        ? OptionalDouble.empty()
        : daysLeft(usable(ledger.sumsUntil(officeId, end), reserved), used);
  }

  /** Blanks printed or spoiled in the {@value #USE_WINDOW_DAYS} days up to {@code end}. */
  private long usedInWindow(long officeId, Instant end) {
    Map<String, Long> window =
        ledger.flows(officeId, end.minus(Duration.ofDays(USE_WINDOW_DAYS)), end);
    return StockLevels.into(window, Item.BLANK, Location.PRINTED)
        + StockLevels.into(window, Item.BLANK, Location.SPOILED);
  }

  private static long usable(List<Balance> balances, long reserved) {
    long available =
        StockLevels.held(balances, Item.BLANK, Location.VAULT)
            + StockLevels.held(balances, Item.BLANK, Location.FEEDER);
    return Math.max(0, available - reserved);
  }

  private static OptionalDouble daysLeft(long usable, long used) {
    return used == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(usable / ((double) used / USE_WINDOW_DAYS));
  }

  /** Blanks on hand: vault, feeders, inside printers and outcome unknown. */
  static long onHand(List<Balance> balances) {
    return StockLevels.held(balances, Item.BLANK, Location.VAULT)
        + StockLevels.held(balances, Item.BLANK, Location.FEEDER)
        + StockLevels.held(balances, Item.BLANK, Location.INSIDE_PRINTER)
        + StockLevels.held(balances, Item.BLANK, Location.UNKNOWN);
  }
}
