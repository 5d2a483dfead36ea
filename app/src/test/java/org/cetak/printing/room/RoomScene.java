package org.cetak.printing.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.RunTrigger;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.ImportService;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrintRoomLedger;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.Stage;
import org.cetak.printing.config.StationRuntime;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.DropRequest;
import org.cetak.stock.FeederStock;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.stock.StockLevels;
import org.jooq.DSLContext;
import org.springframework.util.FileSystemUtils;

/**
 * What a station test does before its first card, in the demo office (32.71): a printer registered
 * with blanks received and loaded into its feeder, residents imported and allocated, the printer
 * set running. Imported into a test's context with {@code @Import(RoomScene.class)}.
 */
final class RoomScene {

  private final OfficeDirectory offices;
  private final FeederStock feeders;
  private final DropReceipts receipts;
  private final PrinterRegistry registry;
  private final ImportService imports;
  private final AllocationService allocation;
  private final PrintJobs jobs;
  private final StationRuntime runtime;
  private final PrintRoomLedger ledger;
  private final StockLevels levels;
  private final DSLContext db;

  RoomScene(
      OfficeDirectory offices,
      FeederStock feeders,
      DropReceipts receipts,
      PrinterRegistry registry,
      ImportService imports,
      AllocationService allocation,
      PrintJobs jobs,
      StationRuntime runtime,
      PrintRoomLedger ledger,
      StockLevels levels,
      DSLContext db) {
    this.offices = offices;
    this.feeders = feeders;
    this.receipts = receipts;
    this.registry = registry;
    this.imports = imports;
    this.allocation = allocation;
    this.jobs = jobs;
    this.runtime = runtime;
    this.ledger = ledger;
    this.levels = levels;
    this.db = db;
  }

  Office office() {
    return offices.officeByCode("32.71").orElseThrow();
  }

  /**
   * Registers the printer, receives a drop of {@code blanks} under {@code document}, feeds them.
   */
  Printer printerWithBlanks(String code, String document, int blanks, User admin) {
    Office office = office();
    Printer printer = registry.register(office.id(), code, "Printer " + code, "Primacy", admin);
    receipts.receive(
        office.id(),
        new DropRequest(document, LocalDate.of(2026, 11, 4), blanks, List.of()),
        admin);
    feeders.load(office.id(), code, blanks, admin);
    return printer;
  }

  /** Imports {@code residents} synthetic records made from {@code seed} and allocates blanks. */
  void queue(int seed, int residents) throws IOException {
    Path dir = Files.createTempDirectory("cetak-scene");
    try {
      imports.importBundle(
          Bundle.open(SyntheticBundle.write(dir, seed, residents)),
          "32.71",
          "loket",
          ImportProgress.none());
    } finally {
      FileSystemUtils.deleteRecursively(dir);
    }
    allocation.run(office().id(), RunTrigger.ON_DEMAND, "kabid");
  }

  void start(Printer printer) {
    jobs.setState(printer.id(), PrinterMode.RUNNING, "test started");
    runtime.wakeUp(printer.id());
  }

  /** Requests of the demo office's database in {@code status}. */
  long requests(String status) {
    return count("select count(*) from print_request where status = ?", status);
  }

  /**
   * After a test's queue was printed on its one printer, loaded with {@code blanks}: every request
   * that held a blank printed, the printer's output hopper, reject box and feeder as the ledger
   * says, every blank in one of them, and the office's stock reconciliation closing.
   */
  void assertEveryBlankAccountedFor(
      Printer printer, SimulatedPrinter sim, long queued, int blanks) {
    long printed = count("select count(*) from print_job where stage = ?", "PRINTED");
    long spoiled = count("select count(*) from print_job where stage = ?", "SPOILED");
    assertThat(printed).as("cards printed").isEqualTo(queued);
    assertThat(sim.status().hopper()).as("cards in the output hopper").isEqualTo(printed);
    assertThat(sim.status().rejectBox()).as("cards in the reject box").isEqualTo(spoiled);
    assertThat(sim.status().feeder())
        .as("blanks in the feeder, as the ledger says")
        .isEqualTo(ledger.feeder(printer.id()));
    assertThat(printed + spoiled + sim.status().feeder()).as("every blank").isEqualTo(blanks);
    assertThat(levels.reconciliation(office().id()).closes()).as("stock reconciliation").isTrue();
  }

  private long count(String sql, String value) {
    return ((Number) db.fetchValue(sql, value)).longValue();
  }

  Optional<PrintJob> unknownJob(Printer printer) {
    return jobs.openJob(printer.id()).filter(j -> j.stage() == Stage.UNKNOWN);
  }
}
