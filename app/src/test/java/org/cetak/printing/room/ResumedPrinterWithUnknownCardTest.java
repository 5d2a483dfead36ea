package org.cetak.printing.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.config.StationRuntime;
import org.cetak.sim.card.Place;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.stock.Printer;
import org.cetak.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A printer whose card's outcome is unknown is resumed (an operator's resume crossing the station's
 * quarantine, as the crash test's operator did): the console must go on asking for the card to be
 * settled instead of showing a running printer that never prints again.
 */
@OnePrinterStationTest
@TestPropertySource(
    properties = {
      "cetak.demo.scenario=classpath:print-room/one-jam.yaml",
      "cetak.station.node=resumed-unknown"
    })
class ResumedPrinterWithUnknownCardTest {

  @Autowired SimulatedRoom room;
  @Autowired RoomScene scene;
  @Autowired OfficeDirectory offices;
  @Autowired PrintJobs jobs;
  @Autowired StationRuntime runtime;

  @Test
  void printer_resumed_while_its_card_is_unknown_stays_quarantined() throws Exception {
    User admin = TestUsers.everyRole(offices);
    Printer printer = scene.printerWithBlanks("PRN-1", "BA/UJI/2026/0003", 5, admin);
    SimulatedPrinter sim = room.printer("PRN-1");
    sim.loadBlanks(5);
    scene.queue(31, 5);
    scene.start(printer);

    await("the first card jams", () -> sim.status().position() == Place.JAMMED);
    sim.removeJammedCard(); // by hand, while the printer is paused: the counters cannot tell
    await("the card's outcome is unknown", () -> scene.unknownJob(printer).isPresent());
    await(
        "the printer is quarantined",
        () -> jobs.state(printer.id()).mode() == PrinterMode.QUARANTINED);

    jobs.setState(printer.id(), PrinterMode.RUNNING, "operator resumed");
    runtime.wakeUp(printer.id());
    Awaitility.await("the printer stays quarantined while its card is unknown")
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .untilAsserted(
            () -> {
              assertThat(scene.unknownJob(printer)).as("the card is still unknown").isPresent();
              assertThat(jobs.state(printer.id()).mode())
                  .as("mode of a printer whose card's outcome is unknown")
                  .isEqualTo(PrinterMode.QUARANTINED);
            });
  }

  private static void await(String what, BooleanSupplier condition) {
    Awaitility.await(what)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(condition::getAsBoolean);
  }
}
