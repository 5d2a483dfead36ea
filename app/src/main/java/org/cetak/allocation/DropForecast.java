package org.cetak.allocation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The next drops an office can expect, learned from the cadence of its real deliveries. Drops that
 * arrive within {@link #SAME_DELIVERY_DAYS} days of each other are one delivery (two hand-over
 * documents on one day are not a daily drop); the size and the spacing are the medians of the last
 * {@link #RECENT} deliveries, so one mistaken or exceptional drop does not move them. With fewer
 * than {@link #MIN_DELIVERIES} deliveries the configured expectation stands.
 */
public final class DropForecast {

  /** Drops this close together are one delivery. */
  static final int SAME_DELIVERY_DAYS = 2;

  /** Deliveries needed (two intervals) before the history is trusted over the configuration. */
  static final int MIN_DELIVERIES = 3;

  /** How many of the latest deliveries the medians look at. */
  static final int RECENT = 7;

  private DropForecast() {}

  /** The expected drop for {@code today} from the office's drops (oldest first). */
  public static QueueExplanation.ExpectedDrop expect(
      List<DropHistory.Drop> history, ForecastSettings configured, LocalDate today) {
    List<DropHistory.Drop> deliveries = deliveries(history);
    if (deliveries.size() < MIN_DELIVERIES) {
      Optional<LocalDate> next =
          deliveries.isEmpty()
              ? Optional.empty()
              : Optional.of(
                  notBefore(
                      deliveries
                          .get(deliveries.size() - 1)
                          .receivedOn()
                          .plusDays(configured.dropEveryDays()),
                      today));
      return new QueueExplanation.ExpectedDrop(
          configured.dropQuantity(),
          configured.dropEveryDays(),
          next,
          "CONFIGURED",
          deliveries.size(),
          "Riwayat kiriman belum cukup ("
              + deliveries.size()
              + " kiriman): dianggap "
              + blanks(configured.dropQuantity())
              + " setiap "
              + configured.dropEveryDays()
              + " hari (konfigurasi)");
    }
    List<DropHistory.Drop> recent =
        deliveries.subList(Math.max(0, deliveries.size() - RECENT), deliveries.size());
    List<Long> quantities = new ArrayList<>();
    List<Long> gaps = new ArrayList<>();
    for (int i = 0; i < recent.size(); i++) {
      quantities.add(recent.get(i).quantity());
      if (i > 0) {
        gaps.add(
            ChronoUnit.DAYS.between(recent.get(i - 1).receivedOn(), recent.get(i).receivedOn()));
      }
    }
    long quantity = Math.max(1, median(quantities));
    int every = (int) Math.max(SAME_DELIVERY_DAYS + 1, median(gaps));
    LocalDate next = notBefore(recent.get(recent.size() - 1).receivedOn().plusDays(every), today);
    return new QueueExplanation.ExpectedDrop(
        quantity,
        every,
        Optional.of(next),
        "LEARNED",
        recent.size(),
        "Median "
            + recent.size()
            + " kiriman terakhir: "
            + blanks(quantity)
            + " setiap "
            + every
            + " hari; kiriman berikutnya sekitar "
            + next);
  }

  /** Drops merged into deliveries: a drop within a few days of the previous one joins it. */
  static List<DropHistory.Drop> deliveries(List<DropHistory.Drop> history) {
    List<DropHistory.Drop> out = new ArrayList<>();
    for (DropHistory.Drop drop : history) {
      if (!out.isEmpty()) {
        DropHistory.Drop last = out.get(out.size() - 1);
        if (ChronoUnit.DAYS.between(last.receivedOn(), drop.receivedOn()) <= SAME_DELIVERY_DAYS) {
          out.set(
              out.size() - 1,
              new DropHistory.Drop(last.receivedOn(), last.quantity() + drop.quantity()));
          continue;
        }
      }
      out.add(drop);
    }
    return out;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String blanks(long quantity) {
    return String.format(Locale.forLanguageTag("id-ID"), "%,d blanko", quantity);
  }

  private static LocalDate notBefore(LocalDate day, LocalDate today) {
    return day.isBefore(today) ? today : day;
  }
}
