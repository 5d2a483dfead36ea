package org.cetak.printing.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.cetak.CetakApplication;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.RunTrigger;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.ImportService;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.PrintJobs;
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
import org.cetak.support.InstalledPostgres;
import org.cetak.support.TestUsers;
import org.jooq.CloseableDSLContext;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Backup and restore as an office does them, on the PostgreSQL server of the operating system's
 * packages with its own {@code pg_dump}: {@code ops/backup.sh} backs the database up while the
 * application (a child process) prints on three simulated printers, {@code ops/restore.sh} restores
 * it into a new database, and the restored database must reconcile ({@code cetak ledger-check}) and
 * know every card picked before the backup and none that was not. Then the application starts on
 * the restored database while the printers' counters have moved on since the backup: every printer
 * must be held, no card picked and none marked printed.
 *
 * <p>About three minutes on a busy machine (two application starts and a command-line task in child
 * processes, and a hundred cards): the price of running the scripts and the checks exactly as an
 * office runs them.
 */
@SpringBootTest(
    classes = CetakApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.quartz.auto-startup=false",
      "cetak.demo.scenario=classpath:print-room/none.yaml",
      "cetak.station.enabled=false"
    })
@ContextConfiguration(initializers = BackupRestoreTest.OnInstalledPostgres.class)
@ActiveProfiles("simulated-print-room")
@DirtiesContext
class BackupRestoreTest {

  private static final String NODE = "backup-test";

  @Autowired OfficeDirectory offices;
  @Autowired DropReceipts receipts;
  @Autowired FeederStock feeders;
  @Autowired PrinterRegistry registry;
  @Autowired StockLevels levels;
  @Autowired ImportService imports;
  @Autowired AllocationService allocation;
  @Autowired PrintJobs jobs;
  @Autowired Settlements settlements;
  @Autowired DSLContext db;

  /** Starts the installed server for the context, with an empty database Flyway migrates. */
  static final class OnInstalledPostgres
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static InstalledPostgres server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      server = InstalledPostgres.start();
      server.createDatabase("cetak");
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "installed-postgres",
                  Map.of(
                      "cetak.database.url", server.jdbcUrl("cetak"),
                      "cetak.database.user", server.user(),
                      "cetak.database.password", server.password())));
      InstalledPostgres started = server;
      context.addApplicationListener(
          event -> {
            if (event instanceof ContextClosedEvent) {
              started.close();
            }
          });
    }
  }

  /** The printing child, stopped here too when a check fails before the test stops it. */
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopChildren() throws InterruptedException {
    for (Process process : started) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void a_backup_taken_while_printing_restores_reconciled_and_a_restored_station_holds_its_printers()
      throws Exception {
    InstalledPostgres server = OnInstalledPostgres.server;
    assertThat(server.serverMajor())
        .as("the server is of the installed pg_dump's major version")
        .isEqualTo(Integer.parseInt(server.bin().getParent().getFileName().toString()));
    String yaml;
    try (InputStream in = getClass().getResourceAsStream("/print-room/backup.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path work = Files.createDirectories(Path.of("target", "backup-test"));
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
          new DropRequest("BA/UJI/2026/0066", LocalDate.of(2026, 11, 4), 300, List.of()),
          admin);
      PrintRoomOperator operator =
          new PrintRoomOperator(room, jobs, settlements, feeders, levels, printer -> {});
      Map<String, Long> picksAtLoad = new HashMap<>();
      for (Printer printer : printers) {
        operator.load(office, admin, printer.code(), 80);
        jobs.setState(printer.id(), PrinterMode.RUNNING, "test started");
        picksAtLoad.put(printer.code(), picked(room, printer));
      }
      Path bundle = SyntheticBundle.write(Files.createTempDirectory(work, "bundle"), 31, 200);
      try (Bundle records = Bundle.open(bundle)) {
        imports.importBundle(records, "32.71", "loket", ImportProgress.none());
      }
      allocation.run(office.id(), RunTrigger.ON_DEMAND, "kabid");

      StationChild.Database live =
          new StationChild.Database(server.jdbcUrl("cetak"), server.user(), server.password());
      Process printing =
          StationChild.start(
              room, readers, work.resolve("printing.log"), live, NODE, "cetak", false);
      started.add(printing);
      await("cards printed before the backup")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> printedJobs(db) >= 12 || !printing.isAlive());
      assertThat(printing.isAlive()).as("the printing application runs").isTrue();

      // an operator pauses PRN-3 before the backup: the backup holds it with no job open, so only
      // its pick counter can tell the restored station that it printed on after the backup
      Printer paused = printers.get(2);
      jobs.setState(paused.id(), PrinterMode.PAUSED, "operator paused");
      await("PRN-3 finished its card")
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> jobs.openJob(paused.id()).isEmpty());

      // the backup, while the child prints
      Set<String> printedBeforeBackup = printedUids(db);
      Map<String, Long> picksBeforeBackup = picks(room, printers);
      long eventsBeforeBackup = db.fetchCount(DSL.table("print_job_event"));
      Path dump = work.resolve("cetak.dump");
      Files.deleteIfExists(dump);
      String backupOutput =
          script(server, "cetak", work.resolve("backup.log"), "backup.sh", dump.toString());
      long eventsAfterBackup = db.fetchCount(DSL.table("print_job_event"));
      Map<String, Long> picksAfterBackup = picks(room, printers);
      assertThat(backupOutput).contains("pg_dump (PostgreSQL) " + server.serverMajor());
      assertThat(eventsAfterBackup)
          .as("print-job steps recorded while pg_dump ran")
          .isGreaterThan(eventsBeforeBackup);

      jobs.setState(paused.id(), PrinterMode.RUNNING, "operator resumed");
      // the printers go on after the backup: their counters move past what it holds
      await("three more cards picked by every printer after the backup")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  printers.stream()
                      .allMatch(p -> picked(room, p) >= picksAfterBackup.get(p.code()) + 3));
      printing.destroy();
      assertThat(printing.waitFor(60, TimeUnit.SECONDS)).as("printing child stopped").isTrue();
      Map<String, Long> picksAtStop = picks(room, printers);

      script(
          server,
          "postgres",
          work.resolve("restore.log"),
          "restore.sh",
          dump.toString(),
          "cetak_restored");
      StationChild.Database restoredDatabase =
          new StationChild.Database(
              server.jdbcUrl("cetak_restored"), server.user(), server.password());
      Path checkLog = work.resolve("ledger-check.log");
      Process check = StationChild.command(checkLog, restoredDatabase, "ledger-check");
      assertThat(check.waitFor(3, TimeUnit.MINUTES)).as("ledger-check ended").isTrue();
      String checked = Files.readString(checkLog);
      assertThat(check.exitValue())
          .as("ledger-check on the restored database:%n%s", checked)
          .isZero();
      assertThat(checked)
          .contains("Buku besar sesuai / The ledger is right")
          .contains("Kantor / Office 32.71")
          .doesNotContain("TIDAK seimbang");

      try (CloseableDSLContext restored =
          DSL.using(server.jdbcUrl("cetak_restored"), server.user(), server.password())) {
        Set<String> printedInTruth = GroundTruthCheck.printedUids(room);
        Set<String> printedRestored = printedUids(restored);
        assertThat(printedRestored)
            .as("every card printed before the backup began is printed in the restored database")
            .containsAll(printedBeforeBackup);
        assertThat(printedInTruth)
            .as("every card the restored database calls printed lies printed in a hopper")
            .containsAll(printedRestored);
        assertThat(
                restored.fetchCount(DSL.table("print_request"), DSL.field("status").eq("PRINTED")))
            .as("printed requests: one printed job each")
            .isEqualTo(printedRestored.size())
            .isEqualTo(printedJobs(restored));
        for (Printer printer : printers) {
          long recorded = picksRecorded(restored, printer);
          long before = picksBeforeBackup.get(printer.code()) - picksAtLoad.get(printer.code());
          long after = picksAfterBackup.get(printer.code()) - picksAtLoad.get(printer.code());
          assertThat(recorded)
              .as(
                  "blanks %s's jobs took from its feeder in the restored database: at least those"
                      + " picked before the backup began (one may be in flight), at most those"
                      + " picked when it ended",
                  printer.code())
              .isBetween(before - 1, after);
          assertThat(
                  restored.fetchCount(
                      DSL.table("print_job"),
                      DSL.field("printer_id")
                          .eq(printer.id())
                          .and(
                              DSL.field("stage")
                                  .in("PICKING", "ENCODING", "PRINTING", "REJECTING", "UNKNOWN"))))
              .as("open jobs of %s", printer.code())
              .isLessThanOrEqualTo(1);
        }

        // the restored database is older than the printers: the station must not believe it
        int jobsRestored = restored.fetchCount(DSL.table("print_job"));
        int printedJobsRestored = printedJobs(restored);
        Process restarted =
            StationChild.start(
                room,
                readers,
                work.resolve("restored.log"),
                restoredDatabase,
                NODE,
                "cetak",
                false);
        try {
          await("every printer held on the restored database")
              .atMost(Duration.ofMinutes(3))
              .pollInterval(Duration.ofMillis(100))
              .until(
                  () ->
                      !restarted.isAlive()
                          || printers.stream()
                              .allMatch(
                                  p -> mode(restored, p).equals(PrinterMode.QUARANTINED.name())));
          assertThat(restarted.isAlive()).as("the restarted application runs").isTrue();
        } finally {
          restarted.destroy();
          assertThat(restarted.waitFor(60, TimeUnit.SECONDS))
              .as("restarted child stopped")
              .isTrue();
        }
        assertThat(picks(room, printers))
            .as("no blank picked by the station on the restored database")
            .isEqualTo(picksAtStop);
        assertThat(printedJobs(restored))
            .as("no card marked printed on the restored database")
            .isEqualTo(printedJobsRestored);
        assertThat(restored.fetchCount(DSL.table("print_job")))
            .as("no job started on the restored database")
            .isEqualTo(jobsRestored);
        assertThat(reasonOf(restored, paused))
            .as("PRN-3, restored paused with no job open, held by its pick counter")
            .startsWith("PICK_COUNTER_AHEAD: pick counter ");
        for (Printer printer : printers) {
          System.out.printf("Restored %s: %s%n", printer.code(), reasonOf(restored, printer));
        }
      }
    }
  }

  private static long picked(SimulatedRoom room, Printer printer) {
    return room.printer(printer.code()).status().picked();
  }

  private static Map<String, Long> picks(SimulatedRoom room, List<Printer> printers) {
    Map<String, Long> picks = new HashMap<>();
    printers.forEach(p -> picks.put(p.code(), picked(room, p)));
    return picks;
  }

  private static int printedJobs(DSLContext db) {
    return db.fetchCount(DSL.table("print_job"), DSL.field("stage").eq("PRINTED"));
  }

  private static Set<String> printedUids(DSLContext db) {
    return new HashSet<>(
        db.select(DSL.field("chip_uid", String.class))
            .from(DSL.table("print_job"))
            .where(DSL.field("stage").eq("PRINTED"))
            .fetch(DSL.field("chip_uid", String.class)));
  }

  /** Blanks the printer's jobs took out of its feeder, net of those put back, by the ledger. */
  private static long picksRecorded(DSLContext db, Printer printer) {
    Long out =
        db.select(DSL.coalesce(DSL.sum(DSL.field("quantity", Integer.class)), 0).cast(Long.class))
            .from(DSL.table("stock_movement"))
            .where(DSL.field("reference_kind").eq("PRINT_JOB"))
            .and(DSL.field("from_location").eq("FEEDER"))
            .and(DSL.field("from_printer_id").eq(printer.id()))
            .fetchSingle()
            .value1();
    Long back =
        db.select(DSL.coalesce(DSL.sum(DSL.field("quantity", Integer.class)), 0).cast(Long.class))
            .from(DSL.table("stock_movement"))
            .where(DSL.field("reference_kind").eq("PRINT_JOB"))
            .and(DSL.field("to_location").eq("FEEDER"))
            .and(DSL.field("to_printer_id").eq(printer.id()))
            .fetchSingle()
            .value1();
    return out - back;
  }

  /**
   * The printer's halt cause, if any, and its reason: {@code PICK_COUNTER_AHEAD: pick counter …}.
   */
  private static String reasonOf(DSLContext db, Printer printer) {
    return db.select(
            DSL.concat(
                DSL.coalesce(DSL.field("mode_cause", String.class).concat(": "), ""),
                DSL.field("mode_reason", String.class)))
        .from(DSL.table("printer"))
        .where(DSL.field("id").eq(printer.id()))
        .fetchSingle()
        .value1();
  }

  private static String mode(DSLContext db, Printer printer) {
    return db.select(DSL.field("mode", String.class))
        .from(DSL.table("printer"))
        .where(DSL.field("id").eq(printer.id()))
        .fetchSingle()
        .value1();
  }

  /** Runs a script of {@code ops/} against the server as an office would; returns its output. */
  private static String script(
      InstalledPostgres server, String database, Path log, String name, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ops().resolve(name).toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(server.clientEnvironment(database));
    Process process = builder.start();
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(name + " ended").isTrue();
    String output = Files.readString(log);
    assertThat(process.exitValue()).as("%s:%n%s", name, output).isZero();
    return output;
  }

  /** The repository's {@code ops} folder, found from the module's directory. */
  private static Path ops() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isExecutable(dir.resolve("ops").resolve("backup.sh"))) {
        return dir.resolve("ops");
      }
    }
    throw new IllegalStateException(
        "ops/backup.sh not found above " + Path.of("").toAbsolutePath());
  }
}
