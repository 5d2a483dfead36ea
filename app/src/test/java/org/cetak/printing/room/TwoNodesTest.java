package org.cetak.printing.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.cetak.CetakApplication;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.RunTrigger;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.ImportService;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.Role;
import org.cetak.office.Tokens;
import org.cetak.office.User;
import org.cetak.printing.CardHeld;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrintRoomLedger;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.Sighting;
import org.cetak.printing.Stage;
import org.cetak.sim.card.CardSnapshot;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.remote.ReaderBridge;
import org.cetak.sim.scenario.ScenarioLoader;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.DropRequest;
import org.cetak.stock.FeederStock;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.stock.StockLevels;
import org.cetak.support.TestDatabaseInitializer;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Two nodes on one PostgreSQL, as a province runs several print rooms: two application processes
 * (the test's class path, {@code serve}), each driving its own four zero-delay simulated printers
 * over TCP, print one office's queue of 1,750 residents (some 1,600 of them allocated a blank).
 * Node A is killed with SIGKILL mid-run. Node B prints the rest, its scheduler fires the recurring
 * jobs A no longer can (clustered JDBC store), A's printers' open jobs stay where A left them until
 * an operator settles them through node B's API, and then the ledger and the print jobs must match
 * the printers' ground truth card for card: no request reserved or printed twice, no blank used
 * twice.
 *
 * <p>This process holds the printers, so what they physically did survives the kill; it sets the
 * office up and checks, but never drives a printer nor runs the scheduler.
 */
@SpringBootTest(
    classes = CetakApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.quartz.auto-startup=false",
      "cetak.demo.scenario=classpath:print-room/none.yaml",
      "cetak.station.enabled=false",
      "cetak.stock.feeder-capacity=1000"
    })
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ActiveProfiles("simulated-print-room")
class TwoNodesTest {

  private static final int RESIDENTS = 1750;
  private static final List<String> NODE_A = List.of("PRN-1", "PRN-2", "PRN-3", "PRN-4");
  private static final List<String> NODE_B = List.of("PRN-5", "PRN-6", "PRN-7", "PRN-8");

  @Autowired OfficeDirectory offices;
  @Autowired DropReceipts receipts;
  @Autowired FeederStock feeders;
  @Autowired PrinterRegistry registry;
  @Autowired StockLevels levels;
  @Autowired PrintRoomLedger movements;
  @Autowired ImportService imports;
  @Autowired AllocationService allocation;
  @Autowired PrintJobs jobs;
  @Autowired Tokens tokens;
  @Autowired DSLContext db;

  @Value("${cetak.database.url}")
  String databaseUrl;

  @Value("${cetak.database.user}")
  String databaseUser;

  @Value("${cetak.database.password}")
  String databasePassword;

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopNodes() throws InterruptedException {
    for (Process process : started) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void two_nodes_share_one_queue_and_b_carries_on_when_a_is_killed(@TempDir Path work)
      throws Exception {
    Path logs = Files.createDirectories(Path.of("target", "two-nodes"));
    try (SimulatedRoom room = SimulatedRoom.start(ScenarioLoader.parse(scenario()));
        ReaderBridge readersA = ReaderBridge.start(room.terminalFactory(), 0);
        ReaderBridge readersB = ReaderBridge.start(room.terminalFactory(), 0)) {
      Office office = offices.officeByCode("32.71").orElseThrow();
      User admin = TestUsers.everyRole(offices);
      receipts.receive(
          office.id(),
          new DropRequest("BA/UJI/2026/0140", LocalDate.of(2026, 11, 4), 2800, List.of()),
          admin);
      List<Printer> printers = new ArrayList<>();
      for (int i = 1; i <= 8; i++) {
        String code = "PRN-" + i;
        Printer printer = registry.register(office.id(), code, "Printer " + i, "Primacy", admin);
        printers.add(printer);
        // A's printers hold a share, B's enough for the whole queue: B prints on after A died
        int blanks = NODE_A.contains(code) ? 250 : 450;
        feeders.load(office.id(), code, blanks, admin);
        room.printer(code).loadBlanks(blanks);
        jobs.setState(printer.id(), PrinterMode.RUNNING, "test started");
      }
      Path bundle = SyntheticBundle.write(work, 140, RESIDENTS);
      imports.importBundle(Bundle.open(bundle), "32.71", "loket", ImportProgress.none());
      allocation.run(office.id(), RunTrigger.ON_DEMAND, "kabid");
      long reserved = GroundTruthCheck.waiting(db);
      assertThat(reserved).as("requests holding a blank").isGreaterThanOrEqualTo(1500);
      String operatorToken = tokens.issue("operator-b", "32.71", Role.OPERATOR, admin).secret();

      int portB = freePort();
      Process nodeA = node(room, NODE_A, readersA, logs.resolve("node-a.log"), "node-a", 0);
      Process nodeB = node(room, NODE_B, readersB, logs.resolve("node-b.log"), "node-b", portB);

      await("both nodes print")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  !nodeA.isAlive()
                      || !nodeB.isAlive()
                      || (printedOn(NODE_A) >= 60
                          && printedOn(NODE_B) >= 60
                          && printedOn(NODE_A) + printedOn(NODE_B) >= reserved / 4));
      assertThat(nodeA.isAlive()).as("node A runs").isTrue();
      assertThat(nodeB.isAlive()).as("node B runs").isTrue();

      nodeA.destroyForcibly(); // SIGKILL: no shutdown hook, no lease given back
      assertThat(nodeA.waitFor(60, TimeUnit.SECONDS)).as("node A ended").isTrue();
      OffsetDateTime killed = OffsetDateTime.now(ZoneOffset.UTC);
      List<PrintJob> leftByA = openJobs(printers, NODE_A);
      long printedByA = printedOn(NODE_A);
      System.out.printf(
          "Node A killed after %d cards, %d on B; jobs left open on A's printers: %s%n",
          printedByA, printedOn(NODE_B), leftByA);
      assertThat(leftByA).as("cards in flight on node A's printers when it died").isNotEmpty();

      await("node B prints every other card")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> !nodeB.isAlive() || GroundTruthCheck.waiting(db) <= leftByA.size());
      assertThat(nodeB.isAlive()).as("node B runs").isTrue();
      if (GroundTruthCheck.waiting(db) > leftByA.size()) {
        GroundTruthCheck.describeWaiting(db);
      }
      assertThat(GroundTruthCheck.waiting(db)).isEqualTo(leftByA.size());

      // the recurring jobs go on: node B fires the allocation trigger after A died, and its
      // cluster manager takes A's place in the scheduler's check-in table
      await("a scheduled allocation run after node A died")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  db.fetchExists(
                      db.selectOne()
                          .from(DSL.table("allocation_run"))
                          .where(DSL.field("triggered_by").eq("SCHEDULE"))
                          .and(
                              DSL.field("started_at", OffsetDateTime.class)
                                  .gt(killed.plusSeconds(1)))));
      assertThat(schedulerInstances()).as("nodes checked in with the scheduler").contains("node-b");
      // another scheduler of this test's own JVM may share the table; what matters is A's row
      await("node B recovers node A's place in the clustered scheduler")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(500))
          .until(this::schedulerInstances, s -> s.contains("node-b") && !s.contains("node-a"));

      // A's open jobs stayed as A left them: nobody guessed their outcome
      assertThat(openJobs(printers, NODE_A)).as("jobs open on A's printers").isEqualTo(leftByA);
      assertThat(printedOn(NODE_A)).as("cards printed on A's printers").isEqualTo(printedByA);
      for (PrintJob job : leftByA) {
        assertThat(db.fetchValue("select status from print_request where id = ?", job.requestId()))
            .as("request of job " + job.id())
            .isIn("PRINTING", "OUTCOME_UNKNOWN");
      }

      // the operator settles them from node B, from where each card physically lies
      HttpClient http = HttpClient.newHttpClient();
      for (PrintJob job : leftByA) {
        Printer printer =
            printers.stream().filter(p -> p.id() == job.printerId()).findFirst().orElseThrow();
        Sighting sighting = look(room.printer(printer.code()), room, job);
        HttpRequest settle =
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + portB
                            + "/api/offices/32.71/printers/"
                            + printer.code()
                            + "/jobs/"
                            + job.id()
                            + "/settle"))
                .header("Authorization", "Bearer " + operatorToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sighting\":\"" + sighting + "\"}"))
                .build();
        HttpResponse<String> answer = http.send(settle, HttpResponse.BodyHandlers.ofString());
        System.out.printf(
            "Settled job %d (%s) on %s as %s through node B: %d%n",
            job.id(), job.stage(), printer.code(), sighting, answer.statusCode());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      }
      assertThat(
              db.fetchCount(
                  DSL.table("audit_event"),
                  DSL.field("action").eq("SETTLE_ABANDONED"),
                  DSL.field("detail").endsWith(" left by node node-a")))
          .as("settlements of node A's cards audited")
          .isEqualTo(leftByA.size());

      await("node B prints the requests the settlements gave back")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> !nodeB.isAlive() || GroundTruthCheck.waiting(db) == 0);
      nodeB.destroy();
      assertThat(nodeB.waitFor(60, TimeUnit.SECONDS)).as("node B stopped").isTrue();

      assertThat(GroundTruthCheck.waiting(db)).as("requests still waiting").isZero();
      assertNoDoubleAllocation();
      assertThat(owners(printers))
          .as("the node that drove each printer")
          .allSatisfy((code, node) -> assertThat(node).isIn(nodeOf(code), null));
      GroundTruthCheck.assertMatches(room, db, levels, movements, office, printers, leftByA.size());
      System.out.printf(
          "Two nodes: %d cards printed, %d on node A's printers, %d on node B's%n",
          printedOn(NODE_A) + printedOn(NODE_B), printedOn(NODE_A), printedOn(NODE_B));
    }
  }

  /** No request holds two live reservations or consumed two, no request printed twice. */
  private void assertNoDoubleAllocation() {
    assertThat(
            db.fetch(
                "select request_id from reservation where released_at is null"
                    + " group by request_id having count(*) > 1"))
        .as("requests reserved twice")
        .isEmpty();
    assertThat(
            db.fetch(
                "select request_id from reservation where consumed_at is not null"
                    + " group by request_id having count(*) > 1"))
        .as("requests whose blank was used twice")
        .isEmpty();
    assertThat(
            db.fetch(
                "select request_id from print_job where stage = 'PRINTED'"
                    + " group by request_id having count(*) > 1"))
        .as("requests printed twice")
        .isEmpty();
    assertThat(
            db.fetch(
                "select chip_uid from print_job where chip_uid is not null"
                    + " group by chip_uid having count(*) > 1"))
        .as("blanks (chips) used by two jobs")
        .isEmpty();
  }

  /**
   * Where the operator finds the card of a job its node left: still in the feeder when the printer
   * did not pick it, else where the ground truth has the card; one still inside the printer they
   * take out onto the reject pile.
   */
  private static Sighting look(SimulatedPrinter sim, SimulatedRoom room, PrintJob job) {
    if (job.card() == CardHeld.NONE
        && job.baseline().isPresent()
        && sim.status().picked() == job.baseline().get().picked()) {
      return Sighting.STILL_IN_FEEDER;
    }
    CardSnapshot card =
        job.chipUid()
            .flatMap(uid -> room.truth().byUid(uid))
            .orElseGet(
                () ->
                    room.truth().cards(sim.name()).stream()
                        .filter(CardSnapshot::picked)
                        .max(Comparator.comparingInt(CardSnapshot::number))
                        .orElseThrow());
    return switch (card.place()) {
      case HOPPER -> Sighting.IN_OUTPUT_HOPPER;
      case FEEDER -> Sighting.STILL_IN_FEEDER;
      case REJECT_BOX, REMOVED_BY_OPERATOR -> Sighting.IN_REJECT_BOX;
      case CONTACTLESS, PRINT, JAMMED -> {
        sim.takeOutCard();
        yield Sighting.IN_REJECT_BOX;
      }
    };
  }

  private Process node(
      SimulatedRoom room,
      List<String> printers,
      ReaderBridge readers,
      Path log,
      String node,
      int port)
      throws IOException {
    Process process =
        StationChild.start(
            room,
            printers,
            readers,
            log,
            new StationChild.Database(databaseUrl, databaseUser, databasePassword),
            node,
            "cetak",
            false,
            List.of(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--cetak.allocation.every=PT3S",
                "--spring.quartz.properties[org.quartz.scheduler.instanceId]=" + node));
    started.add(process);
    return process;
  }

  private long printedOn(List<String> codes) {
    return db.fetchCount(
        db.selectOne()
            .from(DSL.table("print_job").as("j"))
            .join(DSL.table("printer").as("p"))
            .on(DSL.field("p.id").eq(DSL.field("j.printer_id")))
            .where(DSL.field("j.stage").eq(Stage.PRINTED.name()))
            .and(DSL.field("p.code").in(codes)));
  }

  private List<PrintJob> openJobs(List<Printer> printers, List<String> codes) {
    List<PrintJob> open = new ArrayList<>();
    for (Printer printer : printers) {
      if (codes.contains(printer.code())) {
        jobs.openJob(printer.id()).ifPresent(open::add);
      }
    }
    return open;
  }

  private List<String> schedulerInstances() {
    return db.fetch("select instance_name from qrtz_scheduler_state order by instance_name")
        .getValues(0, String.class);
  }

  private Map<String, String> owners(List<Printer> printers) {
    Map<String, String> owners = new TreeMap<>();
    for (Printer printer : printers) {
      owners.put(
          printer.code(),
          Objects.toString(
              db.fetchValue("select owner_node from printer where id = ?", printer.id()), null));
    }
    return owners;
  }

  private static String nodeOf(String code) {
    return NODE_A.contains(code) ? "node-a" : "node-b";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Eight zero-delay printers on loopback TCP, a dead chip now and then; feeders start empty. */
  private static String scenario() {
    StringBuilder yaml =
        new StringBuilder(
            """
            name: two nodes
            timeScale: 0
            seed: 140
            session:
              idle: 300ms
              quiet: 50ms
              lateReply: 6s
              portDown: 100ms
            printers:
            """);
    for (int i = 1; i <= 8; i++) {
      yaml.append("  - name: PRN-")
          .append(i)
          .append(
              """

                  model: Primacy
                  tcp: 127.0.0.1:0
                  blanks: 0
                  deadChipRate: 0.01
                  ribbonPrints: 100000
                  rejectBoxCapacity: 10000
                  hopperCapacity: 100000
              """);
    }
    return yaml.toString();
  }
}
