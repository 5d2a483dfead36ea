package org.cetak.printing.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cetak.CetakApplication;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.RunTrigger;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.ImportService;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.CardHeld;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.Settlements;
import org.cetak.printing.Sighting;
import org.cetak.printing.Stage;
import org.cetak.printing.config.StationRuntime;
import org.cetak.sim.card.CardSnapshot;
import org.cetak.sim.card.Condition;
import org.cetak.sim.card.Place;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.stock.DropRequest;
import org.cetak.stock.PrintRoomMovements;
import org.cetak.stock.Printer;
import org.cetak.stock.Reconciliation;
import org.cetak.stock.StockLevels;
import org.cetak.stock.StockService;
import org.cetak.support.TestDatabaseInitializer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Hundreds of cards through four simulated printers with every printer and chip fault at random
 * rates; an operator (this test) clears what needs hands and settles unknown cards from what lies
 * in the printer. Afterwards the ledger and the print jobs must match the simulator's ground truth
 * card for card.
 */
@SpringBootTest(
    classes = CetakApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.quartz.auto-startup=false",
      "cetak.demo.scenario=classpath:print-room/faulty.yaml",
      "cetak.station.enabled=true",
      "cetak.station.node=ground-truth",
      "cetak.station.time-scale=0.02",
      "cetak.station.chip-wait=1s",
      "cetak.station.idle-wait=20ms",
      "cetak.station.halted-wait=20ms",
      "cetak.station.lease=3s",
      "cetak.station.printers[0].office=32.71",
      "cetak.station.printers[0].code=PRN-1",
      "cetak.station.printers[0].link=sim:PRN-1",
      "cetak.station.printers[0].reader=Cetak Sim Reader PRN-1",
      "cetak.station.printers[1].office=32.71",
      "cetak.station.printers[1].code=PRN-2",
      "cetak.station.printers[1].link=sim:PRN-2",
      "cetak.station.printers[1].reader=Cetak Sim Reader PRN-2",
      "cetak.station.printers[2].office=32.71",
      "cetak.station.printers[2].code=PRN-3",
      "cetak.station.printers[2].link=sim:PRN-3",
      "cetak.station.printers[2].reader=Cetak Sim Reader PRN-3",
      "cetak.station.printers[3].office=32.71",
      "cetak.station.printers[3].code=PRN-4",
      "cetak.station.printers[3].link=sim:PRN-4",
      "cetak.station.printers[3].reader=Cetak Sim Reader PRN-4"
    })
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ActiveProfiles("simulated-print-room")
class PrintRoomGroundTruthTest {

  private static final int RESIDENTS = 240;
  private static final int PER_FEEDER = 60;

  @Autowired SimulatedRoom room;
  @Autowired OfficeDirectory offices;
  @Autowired StockService stock;
  @Autowired StockLevels levels;
  @Autowired PrintRoomMovements movements;
  @Autowired ImportService imports;
  @Autowired AllocationService allocation;
  @Autowired PrintJobs jobs;
  @Autowired Settlements settlements;
  @Autowired StationRuntime runtime;
  @Autowired DSLContext db;

  @Test
  void every_card_the_application_believes_in_is_the_card_the_printers_hold() throws Exception {
    Office office = offices.officeByCode("32.71").orElseThrow();
    User admin = offices.user("admin").orElseThrow();
    for (int i = 1; i <= 4; i++) {
      stock.registerPrinter(office.id(), "PRN-" + i, "Printer " + i, "Primacy", admin);
    }
    stock.receiveDrop(
        office.id(),
        new DropRequest("BA/UJI/2026/0001", LocalDate.of(2026, 11, 2), 600, List.of()),
        admin);
    for (SimulatedPrinter printer : room.printers()) {
      load(office, admin, printer, PER_FEEDER);
    }
    Path bundle = SyntheticBundle.write(Files.createTempDirectory("cetak-bundle"), 11, RESIDENTS);
    imports.importBundle(Bundle.open(bundle), "32.71", "loket", ImportProgress.none());
    allocation.run(office.id(), RunTrigger.ON_DEMAND, "kabid");
    List<Printer> printers =
        List.of(1, 2, 3, 4).stream().map(i -> stock.printer(office.id(), "PRN-" + i)).toList();
    for (Printer printer : printers) {
      jobs.setState(printer.id(), PrinterMode.RUNNING, "test started");
    }

    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    int settledByOperator = 0;
    while (waiting() > 0 && System.nanoTime() < deadline) {
      for (Printer printer : printers) {
        runtime.wakeUp(printer.id());
        if (jobs.state(printer.id()).mode() != PrinterMode.RUNNING) {
          settledByOperator += attend(office, admin, printer);
        }
      }
      Thread.sleep(50);
    }
    runtime.stop();
    for (Printer printer : printers) {
      Optional<PrintJob> open = jobs.openJob(printer.id());
      if (open.isPresent() && open.get().stage() == Stage.UNKNOWN) {
        settle(printer, open.get(), admin);
        settledByOperator++;
      }
    }

    assertThat(waiting()).as("requests still waiting when the test stopped").isZero();
    assertMatchesGroundTruth(office, printers, settledByOperator);
  }

  private long waiting() {
    return db.fetchCount(
        DSL.table("print_request"),
        DSL.field("status").in("RESERVED", "FAILED_REQUEUED", "PRINTING", "OUTCOME_UNKNOWN"));
  }

  private void load(Office office, User by, SimulatedPrinter printer, int quantity) {
    stock.load(office.id(), printer.name(), quantity, by);
    printer.loadBlanks(quantity);
  }

  /** What an operator does at a printer that stopped: look, fix, settle, resume. */
  private int attend(Office office, User operator, Printer printer) {
    SimulatedPrinter sim = room.printer(printer.code());
    int settled = 0;
    Optional<PrintJob> open = jobs.openJob(printer.id());
    if (open.isPresent() && open.get().stage() == Stage.UNKNOWN) {
      settle(printer, open.get(), operator);
      settled++;
    }
    SimulatedPrinter.Status status = sim.status();
    sim.closeCover();
    if (status.position() == Place.JAMMED) {
      sim.removeJammedCard();
    }
    if (status.ribbonLeft() == 0) {
      sim.replaceRibbon(60);
    }
    if (status.rejectBox() >= 12) {
      sim.emptyRejectBox();
    }
    if (status.hopper() >= 40) {
      sim.emptyHopper();
    }
    if (status.feeder() == 0 && levels.reconciliation(office.id()).vault() >= 20) {
      load(office, operator, sim, 20);
    }
    jobs.setState(printer.id(), PrinterMode.RUNNING, "operator resumed");
    runtime.wakeUp(printer.id());
    return settled;
  }

  /** The operator finds the job's card and says where it is. */
  private void settle(Printer printer, PrintJob job, User operator) {
    SimulatedPrinter sim = room.printer(printer.code());
    Sighting sighting;
    if (job.card() == CardHeld.UNKNOWN_FROM_FEEDER
        && sim.status().picked() == job.baseline().orElseThrow().picked()) {
      sighting = Sighting.STILL_IN_FEEDER;
    } else {
      CardSnapshot card =
          job.chipUid()
              .flatMap(uid -> room.truth().byUid(uid))
              .orElseGet(
                  () ->
                      room.truth().cards(printer.code()).stream()
                          .filter(CardSnapshot::picked)
                          .max(Comparator.comparingInt(CardSnapshot::number))
                          .orElseThrow());
      sighting =
          switch (card.place()) {
            case HOPPER -> Sighting.IN_OUTPUT_HOPPER;
            case REJECT_BOX -> Sighting.IN_REJECT_BOX;
            case REMOVED_BY_OPERATOR -> Sighting.NOWHERE;
            case FEEDER -> Sighting.STILL_IN_FEEDER;
            case CONTACTLESS, PRINT, JAMMED -> Sighting.STILL_INSIDE;
          };
    }
    settlements.settle(printer.id(), job.id(), sighting, operator);
  }

  private void assertMatchesGroundTruth(Office office, List<Printer> printers, int settled) {
    List<CardSnapshot> truth = room.truth().cards();
    Set<String> printedInTruth =
        truth.stream()
            .filter(c -> c.place() == Place.HOPPER && c.condition() == Condition.PRINTED)
            .map(CardSnapshot::uid)
            .collect(Collectors.toSet());
    long spoiledInTruth =
        truth.stream()
            .filter(CardSnapshot::picked)
            .filter(c -> !(c.place() == Place.HOPPER && c.condition() == Condition.PRINTED))
            .count();
    List<String> printedJobUids =
        db.select(DSL.field("chip_uid", String.class))
            .from(DSL.table("print_job"))
            .where(DSL.field("stage").eq("PRINTED"))
            .fetch(DSL.field("chip_uid", String.class));
    Reconciliation stockNow = levels.reconciliation(office.id());

    assertThat(new HashSet<>(printedJobUids))
        .as("printed cards by chip UID")
        .isEqualTo(printedInTruth);
    assertThat(printedJobUids).as("no card counted printed twice").doesNotHaveDuplicates();
    assertThat(stockNow.printed()).as("ledger: printed").isEqualTo(printedInTruth.size());
    assertThat(stockNow.spoiled()).as("ledger: spoiled").isEqualTo(spoiledInTruth);
    assertThat(stockNow.unknown()).as("ledger: outcome unknown").isZero();
    assertThat(stockNow.insidePrinters()).as("ledger: inside printers").isZero();
    for (Printer printer : printers) {
      assertThat(movements.feeder(printer.id()))
          .as("feeder of " + printer.code())
          .isEqualTo(room.printer(printer.code()).status().feeder());
    }
    Map<Long, Integer> printedPerRequest =
        db.select(DSL.field("request_id", Long.class), DSL.count())
            .from(DSL.table("print_job"))
            .where(DSL.field("stage").eq("PRINTED"))
            .groupBy(DSL.field("request_id"))
            .fetchMap(DSL.field("request_id", Long.class), DSL.count());
    assertThat(printedPerRequest.values())
        .as("requests printed more than once")
        .allMatch(n -> n == 1);
    assertThat(db.fetchCount(DSL.table("print_request"), DSL.field("status").eq("PRINTED")))
        .isEqualTo(printedInTruth.size());
    assertThat(stockNow.received() + stockNow.borrowed())
        .as("reconciliation identity")
        .isEqualTo(
            stockNow.vault()
                + stockNow.feeders()
                + stockNow.insidePrinters()
                + stockNow.printed()
                + stockNow.spoiled()
                + stockNow.destroyed()
                + stockNow.lent()
                + stockNow.unknown());
    System.out.printf(
        "Ground truth: %d cards picked, %d printed, %d spoiled, %d faults struck, %d unknown"
            + " outcomes settled by the operator%n",
        truth.stream().filter(CardSnapshot::picked).count(),
        printedInTruth.size(),
        spoiledInTruth,
        room.truth().faults().size(),
        settled);
  }
}
