package org.cetak.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropForecastTest {

  private static final ForecastSettings CONFIGURED = new ForecastSettings(1000, 14);
  private static final LocalDate START = LocalDate.of(2026, 6, 1);

  private static List<DropHistory.Drop> every(int days, long... quantities) {
    List<DropHistory.Drop> drops = new ArrayList<>();
    for (int i = 0; i < quantities.length; i++) {
      drops.add(new DropHistory.Drop(START.plusDays((long) i * days), quantities[i]));
    }
    return drops;
  }

  @Test
  void two_drops_on_one_day_are_one_delivery_not_a_daily_drop() {
    List<DropHistory.Drop> drops =
        List.of(new DropHistory.Drop(START, 1000), new DropHistory.Drop(START, 1750));
    QueueExplanation.ExpectedDrop drop = DropForecast.expect(drops, CONFIGURED, START);
    assertThat(drop.everyDays()).isEqualTo(14);
    assertThat(drop.quantity()).isEqualTo(1000);
    assertThat(drop.source()).isEqualTo("CONFIGURED");
    assertThat(drop.deliveries()).isEqualTo(1);
  }

  @Test
  void the_cadence_of_real_deliveries_is_learned() {
    QueueExplanation.ExpectedDrop drop =
        DropForecast.expect(every(10, 2000, 2000, 2000, 2000), CONFIGURED, START.plusDays(31));
    assertThat(drop.source()).isEqualTo("LEARNED");
    assertThat(drop.quantity()).isEqualTo(2000);
    assertThat(drop.everyDays()).isEqualTo(10);
    assertThat(drop.next()).contains(START.plusDays(40));
    assertThat(drop.assumption()).contains("2.000 blanko").contains("10 hari");
  }

  @Test
  void one_absurd_drop_does_not_move_the_forecast() {
    QueueExplanation.ExpectedDrop drop =
        DropForecast.expect(
            every(14, 1000, 1200, Integer.MAX_VALUE, 1000, 1100), CONFIGURED, START.plusDays(60));
    assertThat(drop.quantity()).isEqualTo(1100);
    assertThat(drop.everyDays()).isEqualTo(14);
  }

  @Test
  void drops_on_the_same_days_of_irregular_deliveries_do_not_shrink_the_spacing() {
    List<DropHistory.Drop> drops = new ArrayList<>(every(21, 3000, 3000, 3000));
    drops.add(1, new DropHistory.Drop(START.plusDays(1), 500));
    QueueExplanation.ExpectedDrop drop = DropForecast.expect(drops, CONFIGURED, START.plusDays(50));
    assertThat(drop.everyDays()).isEqualTo(21);
    assertThat(drop.quantity()).isEqualTo(3000);
  }

  @Test
  void a_short_history_keeps_the_configured_expectation_and_says_so() {
    QueueExplanation.ExpectedDrop drop =
        DropForecast.expect(every(30, 5000, 5000), CONFIGURED, START.plusDays(31));
    assertThat(drop.source()).isEqualTo("CONFIGURED");
    assertThat(drop.quantity()).isEqualTo(1000);
    assertThat(drop.assumption()).contains("konfigurasi");
  }
}
