package org.cetak.drivers.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrinterTimingsTest {

  /** An uncompressed panel request: 35.7 s of bytes on a 115200-baud line. */
  private static final int PANEL_BYTES = 411_264;

  @Test
  void a_panel_on_the_field_serial_line_gets_its_bytes_time_and_the_margin() {
    assertThat(PrinterTimings.field().transfer(PANEL_BYTES)).isEqualTo(Duration.ofMillis(40_700));
  }

  @Test
  void field_timings_at_scale_one_are_the_field_timings() {
    assertThat(PrinterTimings.field().scaled(1.0)).isEqualTo(PrinterTimings.field());
  }

  @Test
  void
      a_faster_simulator_shortens_the_panel_transfer_as_it_shortens_movements_but_not_the_margin() {
    PrinterTimings scaled = PrinterTimings.field().scaled(0.02);

    assertThat(scaled.transfer(PANEL_BYTES)).isEqualTo(Duration.ofMillis(714 + 5_000));
    assertThat(scaled.timeout(scaled.printFront())).isEqualTo(Duration.ofMillis(320 + 5_000));
    assertThat(scaled.margin()).isEqualTo(Duration.ofSeconds(5));
    assertThat(scaled.recoveryBudget()).isEqualTo(PrinterTimings.field().recoveryBudget());
    assertThat(scaled.pollInterval()).isEqualTo(PrinterTimings.field().pollInterval());
  }

  @Test
  void a_zero_delay_simulator_leaves_a_panel_only_the_margin() {
    assertThat(PrinterTimings.field().scaled(0).transfer(PANEL_BYTES))
        .isEqualTo(Duration.ofSeconds(5));
  }
}
