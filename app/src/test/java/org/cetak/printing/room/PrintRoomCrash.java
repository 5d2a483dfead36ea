package org.cetak.printing.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.cetak.sim.remote.ReaderBridge;
import org.cetak.sim.scenario.ScenarioLoader;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.DropRequest;
import org.cetak.stock.FeederStock;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.stock.StockLevels;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The print room with crashes: the application runs in a child process that drives three faulty
 * simulated printers over TCP (their chip readers over a loopback bridge) and is killed with
 * SIGKILL at random moments, then started again. This process holds the printers, so their ground
 * truth survives every kill; it also plays the operator. At the end the ledger and the print jobs
 * must match the ground truth card for card. Run in each printer dialect by its subclasses.
 */
abstract class PrintRoomCrash {

  /** The scenario of the three printers, a classpath resource. */
  abstract String scenario();

  /** Residents imported: the cards to print. */
  abstract int residents();

  /** Kills before the last, clean run. */
  abstract int kills();

  /** The printers' dialect as the child is told it: {@code cetak} or {@code evolis}. */
  abstract String dialect();

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
  @Autowired DSLContext db;

  @Value("${cetak.database.url}")
  String databaseUrl;

  @Value("${cetak.database.user}")
  String databaseUser;

  @Test
  void killing_the_application_at_random_moments_loses_no_blank_and_prints_no_card_twice(
      @TempDir Path work) throws Exception {
    String yaml;
    try (InputStream in = getClass().getResourceAsStream(scenario())) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (SimulatedRoom room = SimulatedRoom.start(ScenarioLoader.parse(yaml));
        ReaderBridge readers = ReaderBridge.start(room.terminalFactory(), 0)) {
      Office office = offices.officeByCode("32.71").orElseThrow();
      User admin = TestUsers.everyRole(offices);
      List<Printer> printers = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        printers.add(registry.register(office.id(), "PRN-" + i, "Printer " + i, "Primacy", admin));
      }
      receipts.receive(
          office.id(),
          new DropRequest("BA/UJI/2026/0002", LocalDate.of(2026, 11, 3), 600, List.of()),
          admin);
      PrintRoomOperator operator =
          new PrintRoomOperator(room, jobs, settlements, feeders, levels, printer -> {});
      for (Printer printer : printers) {
        operator.load(office, admin, printer.code(), 110);
        jobs.setState(printer.id(), PrinterMode.RUNNING, "test started");
      }
      Path bundle = SyntheticBundle.write(work, 23, residents());
      imports.importBundle(Bundle.open(bundle), "32.71", "loket", ImportProgress.none());
      allocation.run(office.id(), RunTrigger.ON_DEMAND, "kabid");

      Random random = new Random(20261124);
      Path logs = Files.createDirectories(Path.of("target", "crash-test-" + dialect()));
      int killedMidCard = 0;
      for (int run = 0; run <= kills(); run++) {
        long events = events();
        boolean last = run == kills();
        Process child = startChild(room, readers, logs.resolve("child-" + run + ".log"), last);
        // a kill is timed from the moment the child prints: starting it takes 4 s on an idle
        // machine and half a minute on a busy one
        long started = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!last && System.nanoTime() < started && events() == events && child.isAlive()) {
          operator.round(office, admin, printers);
          Thread.sleep(50);
        }
        long until =
            System.nanoTime()
                + (last ? Duration.ofMinutes(3) : Duration.ofMillis(300 + random.nextInt(2500)))
                    .toNanos();
        while (System.nanoTime() < until && GroundTruthCheck.waiting(db) > 0) {
          operator.round(office, admin, printers);
          Thread.sleep(100);
        }
        if (last) {
          child.destroy();
        } else {
          child.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child process ended").isTrue();
        for (Printer printer : printers) {
          if (!last && jobs.openJob(printer.id()).isPresent()) {
            killedMidCard++; // a card was in flight on this printer when the process died
          }
        }
      }
      System.out.printf(
          "Crash test: %d kills left %d cards in flight; the operator found %d unknown outcomes"
              + " on printers left running%n",
          kills(), killedMidCard, operator.unknownWhileRunning);
      assertThat(killedMidCard)
          .as("kills that struck while a card was in flight")
          .isGreaterThanOrEqualTo(3);
      for (Printer printer : printers) {
        operator.settleIfUnknown(printer, admin);
      }
      if (GroundTruthCheck.waiting(db) > 0) {
        GroundTruthCheck.describeWaiting(db);
      }
      assertThat(GroundTruthCheck.waiting(db)).as("requests still waiting").isZero();
      GroundTruthCheck.assertMatches(
          room, db, levels, movements, office, printers, operator.settled);
    }
  }

  /** Print-job events so far: they grow once a started child drives its printers. */
  private long events() {
    return db.fetchCount(DSL.table("print_job_event"));
  }

  private Process startChild(SimulatedRoom room, ReaderBridge readers, Path log, boolean last)
      throws IOException {
    return StationChild.start(
        room,
        readers,
        log,
        new StationChild.Database(databaseUrl, databaseUser, ""),
        "crash-test",
        dialect(),
        !last);
  }
}
