package org.cetak.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.QueueExplanation;
import org.cetak.allocation.QueueHistory;
import org.cetak.common.DateText;
import org.cetak.office.Office;
import org.cetak.stock.Balance;
import org.cetak.stock.Item;
import org.cetak.stock.Ledger;
import org.cetak.stock.Location;
import org.cetak.stock.Movement;
import org.cetak.stock.Printer;
import org.cetak.stock.Printers;
import org.cetak.stock.RecordedMovement;
import org.cetak.stock.StockLevels;
import org.springframework.context.MessageSource;

/**
 * The console's charts, drawn from the stock ledger (and the queue's kept counts): each is labels
 * along the x axis and named series of numbers, in the reader's language and the office's days.
 */
public final class Charts {

  /** Days of use the burn-down's forecast rate is taken over, as the daily stock report does. */
  static final int USE_WINDOW_DAYS = 14;

  /** The longest period a chart covers. */
  static final int MAX_DAYS = 366;

  private final Ledger ledger;
  private final Printers printers;
  private final StockLevels levels;
  private final AllocationService allocation;
  private final QueueHistory queue;
  private final MessageSource messages;
  private final Clock clock;

  public Charts(
      Ledger ledger,
      Printers printers,
      StockLevels levels,
      AllocationService allocation,
      QueueHistory queue,
      MessageSource messages,
      Clock clock) {
    this.ledger = ledger;
    this.printers = printers;
    this.levels = levels;
    this.allocation = allocation;
    this.queue = queue;
    this.messages = messages;
    this.clock = clock;
  }

  /** One line or set of bars; a missing point is {@code null}. */
  public record Series(String key, String label, List<Long> values) {}

  /** A chart's data. */
  public record Chart(String title, List<String> labels, List<Series> series) {}

  /**
   * Blanks available (vault and feeders) at the end of each of the last {@code days} days, and from
   * today on the forecast: the average use of the last 14 days taken away each day, the expected
   * drops (as allocation expects them) added on their days; with the reorder threshold.
   */
  public Chart burnDown(Office office, ZoneId zone, int days, int ahead, Locale locale) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate first = today.minusDays(bounded(days) - 1L);
    Instant from = first.atStartOfDay(zone).toInstant();
    long level =
        ledger.sumsUntil(office.id(), from).stream()
            .filter(Charts::available)
            .mapToLong(Balance::quantity)
            .sum();
    Map<LocalDate, Long> change = new TreeMap<>();
    long used = 0;
    Instant window = today.plusDays(1).minusDays(USE_WINDOW_DAYS).atStartOfDay(zone).toInstant();
    for (RecordedMovement r : ledger.between(office.id(), from, clock.instant())) {
      Movement m = r.movement();
      if (m.item() != Item.BLANK) {
        continue;
      }
      long delta =
          (available(m.to().location()) ? (long) m.quantity() : 0L)
              - (available(m.from().location()) ? (long) m.quantity() : 0L);
      if (delta != 0) {
        change.merge(LocalDate.ofInstant(r.occurredAt(), zone), delta, Long::sum);
      }
      Location to = m.to().location();
      if (!r.occurredAt().isBefore(window) && (to == Location.PRINTED || to == Location.SPOILED)) {
        used += m.quantity();
      }
    }
    List<String> labels = new ArrayList<>();
    List<Long> actual = new ArrayList<>();
    List<Long> forecast = new ArrayList<>();
    List<Long> threshold = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
      level += change.getOrDefault(d, 0L);
      labels.add(day(d, locale));
      actual.add(level);
      forecast.add(d.equals(today) ? level : null);
      threshold.add(levels.reorderThreshold());
    }
    QueueExplanation.ExpectedDrop drop = allocation.expectedDrop(office.id(), zone);
    LocalDate nextDrop = drop.next().orElse(today.plusDays(drop.everyDays()));
    double perDay = (double) used / USE_WINDOW_DAYS;
    double expected = level;
    for (int i = 1; i <= Math.max(0, Math.min(ahead, MAX_DAYS)); i++) {
      LocalDate d = today.plusDays(i);
      expected = Math.max(0, expected - perDay);
      if (!d.isBefore(nextDrop)
          && drop.everyDays() > 0
          && (d.toEpochDay() - nextDrop.toEpochDay()) % drop.everyDays() == 0) {
        expected += drop.quantity();
      }
      labels.add(day(d, locale));
      actual.add(null);
      forecast.add(Math.round(expected));
      threshold.add(levels.reorderThreshold());
    }
    return new Chart(
        text("chart.burnDown", locale),
        labels,
        List.of(
            new Series("available", text("chart.available", locale), actual),
            new Series("forecast", text("chart.forecast", locale), forecast),
            new Series("threshold", text("chart.threshold", locale), threshold)));
  }

  /** Cards each printer printed on each of the last {@code days} days (blanks moved to printed). */
  public Chart printsPerDay(Office office, ZoneId zone, int days, Locale locale) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate first = today.minusDays(bounded(days) - 1L);
    int n = (int) (today.toEpochDay() - first.toEpochDay() + 1);
    Map<Long, Long[]> byPrinter = new LinkedHashMap<>();
    List<Printer> list = printers.list(office.id());
    for (Printer p : list) {
      Long[] zeros = new Long[n];
      Arrays.fill(zeros, 0L);
      byPrinter.put(p.id(), zeros);
    }
    for (RecordedMovement r :
        ledger.between(office.id(), first.atStartOfDay(zone).toInstant(), clock.instant())) {
      Movement m = r.movement();
      if (m.item() != Item.BLANK
          || m.to().location() != Location.PRINTED
          || m.from().printerId().isEmpty()) {
        continue;
      }
      Long[] counts = byPrinter.get(m.from().printerId().get());
      int i = (int) (LocalDate.ofInstant(r.occurredAt(), zone).toEpochDay() - first.toEpochDay());
      if (counts != null && i >= 0 && i < n) {
        counts[i] += m.quantity();
      }
    }
    List<String> labels = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
      labels.add(day(d, locale));
    }
    List<Series> series = new ArrayList<>();
    for (Printer p : list) {
      series.add(new Series(p.code(), p.code(), Arrays.asList(byPrinter.get(p.id()))));
    }
    return new Chart(text("chart.prints", locale), labels, series);
  }

  /** Blanks spoiled in the last {@code days} days by the reason the ledger gives. */
  public Chart spoilage(Office office, ZoneId zone, int days, Locale locale) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate first = today.minusDays(bounded(days) - 1L);
    Map<String, Long> byReason = new TreeMap<>();
    for (RecordedMovement r :
        ledger.between(office.id(), first.atStartOfDay(zone).toInstant(), clock.instant())) {
      Movement m = r.movement();
      if (m.item() == Item.BLANK && m.to().location() == Location.SPOILED) {
        byReason.merge(m.reason(), (long) m.quantity(), Long::sum);
      }
    }
    List<String> labels =
        byReason.keySet().stream()
            .map(reason -> messages.getMessage("chart.spoil." + reason, null, reason, locale))
            .toList();
    return new Chart(
        text("chart.spoilage", locale),
        labels,
        List.of(
            new Series("spoiled", text("chart.spoiled", locale), List.copyOf(byReason.values()))));
  }

  /** The queue's kept counts of the last {@code days} days: waiting and holding, each tier. */
  public Chart queueByTier(Office office, ZoneId zone, int days, Locale locale) {
    Instant from =
        LocalDate.now(clock.withZone(zone))
            .minusDays(bounded(days) - 1L)
            .atStartOfDay(zone)
            .toInstant();
    List<QueueHistory.Point> points = queue.since(office.id(), from);
    List<Instant> times = points.stream().map(QueueHistory.Point::takenAt).distinct().toList();
    Map<Integer, Long[]> tiers = new TreeMap<>();
    for (QueueHistory.Point p : points) {
      Long[] values = tiers.computeIfAbsent(p.tier(), t -> new Long[times.size()]);
      values[times.indexOf(p.takenAt())] = p.waiting() + p.holding();
    }
    DateText dates = DateText.of(zone, locale);
    List<Series> series = new ArrayList<>();
    tiers.forEach(
        (tier, values) ->
            series.add(
                new Series(
                    "tier-" + tier,
                    messages.getMessage("chart.tier", new Object[] {tier}, locale),
                    Arrays.asList(values))));
    return new Chart(
        text("chart.queue", locale), times.stream().map(dates::chartTime).toList(), series);
  }

  private static boolean available(Balance b) {
    return b.item() == Item.BLANK && available(b.place().location());
  }

  private static boolean available(Location location) {
    return location == Location.VAULT || location == Location.FEEDER;
  }

  private static int bounded(int days) {
    return Math.max(1, Math.min(days, MAX_DAYS));
  }

  private static String day(LocalDate d, Locale locale) {
    return DateText.of(ZoneId.of("UTC"), locale).chartDay(d);
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
