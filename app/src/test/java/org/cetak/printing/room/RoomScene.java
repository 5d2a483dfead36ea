package org.cetak.printing.room;

import java.io.IOException;
import java.nio.file.Files;
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
import org.cetak.printing.PrinterMode;
import org.cetak.printing.Stage;
import org.cetak.printing.config.StationRuntime;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.DropRequest;
import org.cetak.stock.FeederStock;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;

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

  RoomScene(
      OfficeDirectory offices,
      FeederStock feeders,
      DropReceipts receipts,
      PrinterRegistry registry,
      ImportService imports,
      AllocationService allocation,
      PrintJobs jobs,
      StationRuntime runtime) {
    this.offices = offices;
    this.feeders = feeders;
    this.receipts = receipts;
    this.registry = registry;
    this.imports = imports;
    this.allocation = allocation;
    this.jobs = jobs;
    this.runtime = runtime;
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
    imports.importBundle(
        Bundle.open(
            SyntheticBundle.write(Files.createTempDirectory("cetak-scene"), seed, residents)),
        "32.71",
        "loket",
        ImportProgress.none());
    allocation.run(office().id(), RunTrigger.ON_DEMAND, "kabid");
  }

  void start(Printer printer) {
    jobs.setState(printer.id(), PrinterMode.RUNNING, "test started");
    runtime.wakeUp(printer.id());
  }

  Optional<PrintJob> unknownJob(Printer printer) {
    return jobs.openJob(printer.id()).filter(j -> j.stage() == Stage.UNKNOWN);
  }
}
