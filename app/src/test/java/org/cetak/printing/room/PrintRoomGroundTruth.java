package org.cetak.printing.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.RunTrigger;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.ImportService;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrintRoomLedger;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.Settlements;
import org.cetak.printing.config.StationRuntime;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.DropRequest;
import org.cetak.stock.FeederStock;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.stock.StockLevels;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hundreds of cards through four simulated printers with every printer and chip fault at random
 * rates; an operator (this test) clears what needs hands and settles unknown cards from what lies
 * in the printer. Afterwards the ledger and the print jobs must match the simulator's ground truth
 * card for card. Run in each printer dialect by its subclasses.
 */
abstract class PrintRoomGroundTruth {

  private static final int RESIDENTS = 160;
  private static final int PER_FEEDER = 45;

  @Autowired SimulatedRoom room;
  @Autowired OfficeDirectory offices;
  @Autowired DropReceipts receipts;
  @Autowired FeederStock feeders;
  @Autowired PrinterRegistry registry;
  @Autowired StockLevels levels;
  @Autowired PrintRoomLedger movements;
  @Autowired ImportService imports;
  @Autowired AllocationService allocation;
  @Autowired PrintJobs jobs;
  @Autowired Settlements settlements;
  @Autowired StationRuntime runtime;
  @Autowired DSLContext db;

  @Test
  void every_card_the_application_believes_in_is_the_card_the_printers_hold(@TempDir Path work)
      throws Exception {
    Office office = offices.officeByCode("32.71").orElseThrow();
    User admin = TestUsers.everyRole(offices);
    for (int i = 1; i <= 4; i++) {
      registry.register(office.id(), "PRN-" + i, "Printer " + i, "Primacy", admin);
    }
    receipts.receive(
        office.id(),
        new DropRequest("BA/UJI/2026/0001", LocalDate.of(2026, 11, 2), 1000, List.of()),
        admin);
    PrintRoomOperator operator =
        new PrintRoomOperator(room, jobs, settlements, feeders, levels, runtime::wakeUp);
    for (SimulatedPrinter printer : room.printers()) {
      operator.load(office, admin, printer.name(), PER_FEEDER);
    }
    Path bundle = SyntheticBundle.write(work, 11, RESIDENTS);
    imports.importBundle(Bundle.open(bundle), "32.71", "loket", ImportProgress.none());
    allocation.run(office.id(), RunTrigger.ON_DEMAND, "kabid");
    List<Printer> printers =
        List.of(1, 2, 3, 4).stream().map(i -> registry.printer(office.id(), "PRN-" + i)).toList();
    for (Printer printer : printers) {
      jobs.setState(printer.id(), PrinterMode.RUNNING, "test started");
    }

    await("every request with a blank printed or spoiled")
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              operator.round(office, admin, printers);
              return GroundTruthCheck.waiting(db) == 0;
            });
    runtime.stop();
    for (Printer printer : printers) {
      operator.settleIfUnknown(printer, admin);
    }

    assertThat(GroundTruthCheck.waiting(db))
        .as("requests still waiting when the test stopped")
        .isZero();
    GroundTruthCheck.assertMatches(room, db, levels, movements, office, printers, operator.settled);
  }
}
