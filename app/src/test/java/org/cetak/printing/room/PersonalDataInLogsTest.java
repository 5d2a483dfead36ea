package org.cetak.printing.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cetak.CetakApplication;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.RunTrigger;
import org.cetak.approval.Approval;
import org.cetak.approval.Approvals;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.ImportService;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.Reprints;
import org.cetak.printing.Settlements;
import org.cetak.printing.config.StationRuntime;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.stock.FeederStock;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.stock.StockLevels;
import org.cetak.support.CapturedLogs;
import org.cetak.support.TestDatabaseInitializer;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The demo starts (its backlog of residents imported, allocated, two printers printing with
 * printer, chip and wire faults), a bundle is imported, allocation runs, unknown cards are settled,
 * a reprint is proposed and approved; every log line of all that, at DEBUG for Cetak's own loggers
 * and with every stack trace, must be free of the residents' NIKs, KKs, full names and phone
 * numbers (UU 27/2022).
 */
@ExtendWith(PersonalDataInLogsTest.NoKannelLeft.class) // before Spring's: its afterAll runs after
@SpringBootTest(
    classes = CetakApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.quartz.auto-startup=false",
      "logging.level.org.cetak=DEBUG",
      "cetak.demo.scenario=classpath:print-room/demo-faults.yaml",
      "cetak.station.node=demo",
      "cetak.station.time-scale=0.02",
      "cetak.station.chip-wait=1s",
      "cetak.station.idle-wait=20ms",
      "cetak.station.halted-wait=20ms",
      "cetak.station.lease=3s"
    })
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ActiveProfiles("demo")
@DirtiesContext
class PersonalDataInLogsTest {

  /** An Indonesian mobile number in any of its written forms. */
  private static final Pattern PHONE =
      Pattern.compile("(?<![0-9A-Za-z])(?:\\+62|62|0)[ -]?8[0-9][0-9 -]{6,13}[0-9](?![0-9A-Za-z])");

  static {
    // before the application starts, so its start-up is captured too
    CapturedLogs.capture();
  }

  @Autowired SimulatedRoom room;
  @Autowired OfficeDirectory offices;
  @Autowired FeederStock feeders;
  @Autowired PrinterRegistry registry;
  @Autowired StockLevels levels;
  @Autowired ImportService imports;
  @Autowired AllocationService allocation;
  @Autowired PrintJobs jobs;
  @Autowired Settlements settlements;
  @Autowired Reprints reprints;
  @Autowired Approvals approvals;
  @Autowired StationRuntime runtime;
  @Autowired DSLContext db;

  @AfterAll
  static void stopCapturing() {
    CapturedLogs.release();
  }

  /** The demo's Kannel children of this JVM: bearerbox, smsbox (its configuration) and fakesmsc. */
  private static List<ProcessHandle> kannelProcesses() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().orElse("").contains("kannel"))
        .toList();
  }

  /**
   * Once the context closed (the class's contexts are closed by Spring's extension, whose afterAll
   * runs before this one's), no Kannel process the demo started is left running.
   */
  static final class NoKannelLeft implements AfterAllCallback {
    @Override
    public void afterAll(ExtensionContext context) {
      assertThat(kannelProcesses()).as("the demo's Kannel after the context closed").isEmpty();
    }
  }

  @Test
  void no_log_line_of_a_full_run_carries_a_residents_personal_data(@TempDir Path work)
      throws Exception {
    Office office = offices.officeByCode("32.71").orElseThrow();
    User operatorUser = offices.user("operator").orElseThrow();
    User kabid = offices.user("kabid").orElseThrow();
    List<Printer> printers =
        List.of(registry.printer(office.id(), "PRN-1"), registry.printer(office.id(), "PRN-2"));
    PrintRoomOperator operator =
        new PrintRoomOperator(room, jobs, settlements, feeders, levels, runtime::wakeUp);

    Path bundle = SyntheticBundle.write(work, 27, 40);
    imports.importBundle(Bundle.open(bundle), "32.71", "loket", ImportProgress.none());
    allocation.run(office.id(), RunTrigger.ON_DEMAND, "kabid");
    await("twenty cards printed")
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              operator.round(office, operatorUser, printers);
              return printed() >= 20;
            });

    long reprinted = firstPrintedRequest();
    Approval approval =
        reprints.propose(office.id(), reprinted, "kartu rusak saat diambil", operatorUser);
    approvals.approve(approval.id(), kabid, "");
    // the reprint waits its turn in the queue; the run goes on for ten more cards either way
    long printedBefore = printed();
    await("ten more cards printed")
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              operator.round(office, operatorUser, printers);
              return printed() >= printedBefore + 10;
            });
    runtime.stop();
    for (Printer printer : printers) {
      operator.settleIfUnknown(printer, operatorUser);
    }

    if (Files.isExecutable(Path.of("/usr/sbin/bearerbox"))) { // Debian's Kannel, the demo's SMS
      assertThat(kannelProcesses()).as("the demo's Kannel while the demo runs").isNotEmpty();
    }

    List<String> lines = CapturedLogs.lines();
    Set<String> secrets = secrets();
    List<String> leaks = new ArrayList<>();
    for (String line : lines) {
      for (String secret : secrets) {
        if (line.contains(secret)) {
          leaks.add(mask(secret) + " in: " + firstLine(line));
        }
      }
      Matcher phone = PHONE.matcher(line);
      if (phone.find()) {
        leaks.add("a phone number in: " + firstLine(line));
      }
    }

    assertThat(lines).as("log lines captured").hasSizeGreaterThan(100);
    assertThat(secrets).as("personal data of the run").hasSizeGreaterThan(300);
    assertThat(leaks).as("log lines with personal data").isEmpty();
  }

  private long printed() {
    return db.fetchCount(DSL.table("print_job"), DSL.field("stage").eq("PRINTED"));
  }

  private long firstPrintedRequest() {
    return db.select(DSL.min(DSL.field("request_id", Long.class)))
        .from(DSL.table("print_job"))
        .where(DSL.field("stage").eq("PRINTED"))
        .fetchOne(0, Long.class);
  }

  /** Every NIK, KK, full name and phone (as given and normalised) of the residents in this run. */
  private Set<String> secrets() {
    Set<String> secrets = new LinkedHashSet<>();
    for (Record r :
        db.select(
                DSL.field("nik", String.class),
                DSL.field("kk", String.class),
                DSL.field("name", String.class),
                DSL.field("phone", String.class),
                DSL.field("phone_raw", String.class))
            .from(DSL.table("print_request"))
            .fetch()) {
      for (int i = 0; i < r.size(); i++) {
        String value = r.get(i, String.class);
        if (value != null && !value.isBlank()) {
          secrets.add(value);
        }
      }
    }
    return secrets;
  }

  private static String mask(String secret) {
    return secret.charAt(0) + "*".repeat(secret.length() - 1);
  }

  private static String firstLine(String line) {
    int end = line.indexOf('\n');
    return end < 0 ? line : line.substring(0, end);
  }
}
