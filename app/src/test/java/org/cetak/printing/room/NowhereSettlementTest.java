package org.cetak.printing.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.cetak.approval.Approvals;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.Settlements;
import org.cetak.printing.Sighting;
import org.cetak.printing.Stage;
import org.cetak.sim.card.Place;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.stock.LossReport;
import org.cetak.stock.Losses;
import org.cetak.stock.Printer;
import org.cetak.stock.Reconciliation;
import org.cetak.stock.StockLevels;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A card the operator cannot find is settled NOWHERE: it is not spoiled (there is nothing to
 * destroy) but reported lost, and it reaches the LOST line only once a second person approves.
 */
@OnePrinterStationTest
@TestPropertySource(
    properties = {
      "cetak.demo.scenario=classpath:print-room/one-jam.yaml",
      "cetak.station.node=nowhere-settlement"
    })
class NowhereSettlementTest {

  @Autowired SimulatedRoom room;
  @Autowired RoomScene scene;
  @Autowired OfficeDirectory offices;
  @Autowired PrintJobs jobs;
  @Autowired Settlements settlements;
  @Autowired Losses losses;
  @Autowired Approvals approvals;
  @Autowired StockLevels levels;
  @Autowired DSLContext db;

  @Test
  void a_card_settled_nowhere_is_lost_under_a_loss_report_not_spoiled() throws Exception {
    Office office = scene.office();
    User admin = TestUsers.everyRole(offices);
    User operator = offices.user("operator").orElseThrow();
    User kabid = offices.user("kabid").orElseThrow();
    Printer printer = scene.printerWithBlanks("PRN-1", "BA/UJI/2026/0004", 5, admin);
    SimulatedPrinter sim = room.printer("PRN-1");
    sim.loadBlanks(5);
    scene.queue(37, 5);
    scene.start(printer);
    await("the first card jams", () -> sim.status().position() == Place.JAMMED);
    sim.removeJammedCard(); // and nobody can say where it went
    await("the card's outcome is unknown", () -> scene.unknownJob(printer).isPresent());
    PrintJob unknown = scene.unknownJob(printer).orElseThrow();
    long spoiledBefore = levels.reconciliation(office.id()).spoiled();

    PrintJob settled = settlements.settle(printer.id(), unknown.id(), Sighting.NOWHERE, operator);

    assertThat(settled.stage()).isEqualTo(Stage.LOST);
    Reconciliation proposed = levels.reconciliation(office.id());
    assertThat(proposed.spoiled()).as("spoiled").isEqualTo(spoiledBefore);
    assertThat(proposed.unknown()).as("unknown until the loss is approved").isEqualTo(1);
    assertThat(proposed.lost()).isZero();
    assertThat(jobs.state(printer.id()).mode()).isEqualTo(PrinterMode.PAUSED);
    assertThat(db.fetchValue("select status from print_request where id = ?", unknown.requestId()))
        .isEqualTo("FAILED_REQUEUED");
    LossReport report =
        losses.list(office.id()).stream()
            .filter(r -> r.printJobId().equals(Optional.of(unknown.id())))
            .findFirst()
            .orElseThrow();
    assertThat(report.status()).isEqualTo(LossReport.Status.PROPOSED);
    assertThat(report.chipUid()).isEqualTo(unknown.chipUid());

    approvals.approve(report.approvalId().orElseThrow(), kabid, "diperiksa");

    Reconciliation approved = levels.reconciliation(office.id());
    assertThat(approved.lost()).isEqualTo(1);
    assertThat(approved.unknown()).isZero();
    assertThat(approved.spoiled()).isEqualTo(spoiledBefore);
    assertThat(approved.closes()).isTrue();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting until " + what).isLessThan(end);
      Thread.sleep(20);
    }
  }
}
