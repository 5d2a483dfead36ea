package org.cetak.printing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.cetak.drivers.printer.PrinterTimings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationDevicesTest {

  private static final String ONE =
      """
      printers:
        - {office: "32.71", code: PRN-1, port: "tcp://127.0.0.1:9100", model: Primacy, reader: A, node: room-1}
        - {office: "32.71", code: PRN-7, port: "tcp://127.0.0.1:9107", model: Primacy, reader: G, node: room-2}
      models:
        Primacy: {feeder: 100}
      """;

  /** An uncompressed panel request: 35.7 s of bytes on a 115200-baud line. */
  private static final int PANEL_BYTES = 411_264;

  @TempDir static Path dir;

  private static StationDevices devices(Path file) {
    return devices(file, 1.0);
  }

  private static StationDevices devices(Path file, double timeScale) {
    StationProperties properties =
        new StationProperties(
            true,
            "room-1",
            timeScale,
            null,
            null,
            null,
            null,
            null,
            0,
            List.of(),
            Map.of(),
            file.toString());
    return new StationDevices(properties, StationDevices.machinePorts());
  }

  @Test
  void this_node_drives_the_printers_the_file_gives_it() throws Exception {
    Path file = Files.writeString(Files.createTempFile(dir, "devices", ".yaml"), ONE);

    assertThat(devices(file).links())
        .extracting(StationProperties.PrinterLink::code)
        .containsExactly("PRN-1");
  }

  @Test
  void the_feeder_capacity_of_each_printer_comes_from_its_model_whichever_node_drives_it()
      throws Exception {
    Path file =
        Files.writeString(
            Files.createTempFile(dir, "devices", ".yaml"),
            ONE.replace(
                    "code: PRN-7, port: \"tcp://127.0.0.1:9107\", model: Primacy",
                    "code: PRN-7, port: \"tcp://127.0.0.1:9107\", model: HDP5000")
                + "  HDP5000: {feeder: 250}\n");
    StationDevices devices = devices(file);

    assertThat(devices.feederCapacity("32.71", "PRN-1")).hasValue(100);
    assertThat(devices.feederCapacity("32.71", "PRN-7")).hasValue(250);
    assertThat(devices.feederCapacity("32.71", "PRN-9")).isEmpty();
    assertThat(devices.feederCapacity("32.01", "PRN-1")).isEmpty();
  }

  @Test
  void a_reload_takes_a_changed_file_and_tells_the_station() throws Exception {
    Path file = Files.writeString(Files.createTempFile(dir, "devices", ".yaml"), ONE);
    StationDevices devices = devices(file);
    devices.devices();
    AtomicInteger told = new AtomicInteger();
    devices.onChange(told::incrementAndGet);

    Files.writeString(file, ONE.replace("node: room-2", "node: room-1"));
    devices.reload();

    assertThat(devices.links())
        .extracting(StationProperties.PrinterLink::code)
        .containsExactly("PRN-1", "PRN-7");
    assertThat(told).hasValue(1);
  }

  @Test
  void a_reload_of_a_file_that_cannot_be_used_changes_nothing() throws Exception {
    Path file = Files.writeString(Files.createTempFile(dir, "devices", ".yaml"), ONE);
    StationDevices devices = devices(file);
    devices.devices();

    Files.writeString(file, ONE.replace("code: PRN-7", "code: PRN-1"));

    assertThatThrownBy(devices::reload)
        .isInstanceOf(InvalidDeviceFileException.class)
        .hasMessageContaining("claimed twice");
    assertThat(devices.links())
        .extracting(StationProperties.PrinterLink::code)
        .containsExactly("PRN-1");
  }

  @Test
  void a_printer_in_production_waits_for_a_panel_as_long_as_its_serial_line_needs_plus_the_margin()
      throws Exception {
    // production sets no time scale
    assertThat(timingsAt(0).transfer(PANEL_BYTES)).isEqualTo(Duration.ofMillis(35_700 + 5_000));
    assertThat(timingsAt(0)).isEqualTo(PrinterTimings.field());
  }

  @Test
  void a_station_at_a_fiftieth_of_field_time_waits_a_fiftieth_of_the_panels_line_time()
      throws Exception {
    assertThat(timingsAt(0.02).transfer(PANEL_BYTES)).isEqualTo(Duration.ofMillis(714 + 5_000));
  }

  /** The timings of the first printer of a station at {@code timeScale}. */
  private static PrinterTimings timingsAt(double timeScale) throws Exception {
    Path file = Files.writeString(Files.createTempFile(dir, "devices", ".yaml"), ONE);
    StationDevices devices = devices(file, timeScale);
    return devices.timings(devices.devices().get(0));
  }
}
