package org.cetak.printing.room;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cetak.CetakApplication;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.RunTrigger;
import org.cetak.db.EmbeddedDatabase;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.ImportService;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrinterMode;
import org.cetak.sim.remote.ReaderBridge;
import org.cetak.sim.scenario.ScenarioLoader;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.DropRequest;
import org.cetak.stock.FeederStock;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Cards per second of one office's queue on sixteen zero-delay simulated printers (TCP, chip
 * readers over a loopback bridge), driven by one application process, against the same sixteen
 * split eight and eight between two application processes on the same database: the price or the
 * gain of a second node on one machine. Each layout runs on a fresh embedded PostgreSQL (no fsync,
 * as in the tests); the rate is taken after the first tenth of the cards, so that the processes'
 * start and warm-up are left out. The nodes run {@code serve} from this class path without their
 * schedulers.
 *
 * <pre>
 * java -cp ... org.cetak.printing.room.NodesBench [cards]
 * </pre>
 */
public final class NodesBench {

  private static final int PRINTERS = 16;

  private NodesBench() {}

  private record Run(String layout, long cards, double seconds, Map<String, Long> perNode) {
    double rate() {
      return cards / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    int cards = args.length > 0 ? Integer.parseInt(args[0]) : 2400;
    List<Run> runs = new ArrayList<>();
    runs.add(run(cards, List.of(PRINTERS)));
    runs.add(run(cards, List.of(PRINTERS / 2, PRINTERS / 2)));
    System.out.println();
    System.out.printf(
        "%-36s %8s %9s %9s  %s%n", "layout", "cards", "seconds", "cards/s", "cards per node");
    for (Run r : runs) {
      System.out.printf(
          "%-36s %8d %9.1f %9.1f  %s%n", r.layout(), r.cards(), r.seconds(), r.rate(), r.perNode());
    }
    System.out.printf(
        "two nodes vs one: %.2fx; %d cores; load average now %s%n",
        runs.get(1).rate() / runs.get(0).rate(),
        Runtime.getRuntime().availableProcessors(),
        Files.readString(Path.of("/proc/loadavg")).strip());
  }

  /** One layout: nodes with this many printers each, through {@code cards} cards. */
  private static Run run(int cards, List<Integer> layout) throws Exception {
    String name =
        layout.size() == 1
            ? "one node, " + layout.get(0) + " printers"
            : layout.size() + " nodes, " + layout + " printers";
    System.out.printf("%s: setting up %d cards%n", name, cards);
    try (EmbeddedDatabase postgres = EmbeddedDatabase.startTemporary();
        ConfigurableApplicationContext context = context(postgres);
        SimulatedRoom room = SimulatedRoom.start(ScenarioLoader.parse(scenario()))) {
      DSLContext db = context.getBean(DSLContext.class);
      setUp(context, room, cards);
      long reserved = GroundTruthCheck.waiting(db);
      List<ReaderBridge> bridges = new ArrayList<>();
      List<Process> nodes = new ArrayList<>();
      Map<String, List<String>> printersOf = new LinkedHashMap<>();
      int next = 1;
      for (int n = 0; n < layout.size(); n++) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < layout.get(n); i++) {
          codes.add("PRN-" + next++);
        }
        printersOf.put("node-" + (char) ('a' + n), codes);
      }
      Path logs = Files.createDirectories(Path.of("target", "nodes-bench"));
      try {
        for (Map.Entry<String, List<String>> node : printersOf.entrySet()) {
          ReaderBridge readers = ReaderBridge.start(room.terminalFactory(), 0);
          bridges.add(readers);
          nodes.add(
              StationChild.start(
                  room,
                  node.getValue(),
                  readers,
                  logs.resolve(node.getKey() + ".log"),
                  new StationChild.Database(
                      postgres.jdbcUrl("postgres"), EmbeddedDatabase.USER, postgres.password()),
                  node.getKey(),
                  "cetak",
                  false,
                  List.of("--server.port=0", "--spring.quartz.auto-startup=false")));
        }
        long warm = reserved / 10;
        awaitPrinted(db, warm, nodes);
        long from = System.nanoTime();
        long printedFrom = printed(db);
        while (GroundTruthCheck.waiting(db) > 0) {
          alive(nodes);
          TimeUnit.MILLISECONDS.sleep(50);
        }
        double seconds = (System.nanoTime() - from) / 1e9;
        long printed = printed(db) - printedFrom;
        Map<String, Long> perNode = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> node : printersOf.entrySet()) {
          perNode.put(node.getKey(), printedOn(db, node.getValue()));
        }
        Run run = new Run(name, printed, seconds, perNode);
        System.out.printf("%s: %.1f cards/s%n", name, run.rate());
        return run;
      } finally {
        for (Process node : nodes) {
          node.destroy();
          if (!node.waitFor(60, TimeUnit.SECONDS)) {
            node.destroyForcibly();
          }
        }
        for (ReaderBridge bridge : bridges) {
          bridge.close();
        }
      }
    }
  }

  private static void awaitPrinted(DSLContext db, long cards, List<Process> nodes)
      throws InterruptedException {
    while (printed(db) < cards) {
      alive(nodes);
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  private static void alive(List<Process> nodes) {
    for (Process node : nodes) {
      if (!node.isAlive()) {
        throw new IllegalStateException("a node ended; its log is in target/nodes-bench");
      }
    }
  }

  private static long printed(DSLContext db) {
    return db.fetchCount(DSL.table("print_job"), DSL.field("stage").eq("PRINTED"));
  }

  private static long printedOn(DSLContext db, List<String> codes) {
    return db.fetchCount(
        db.selectOne()
            .from(DSL.table("print_job").as("j"))
            .join(DSL.table("printer").as("p"))
            .on(DSL.field("p.id").eq(DSL.field("j.printer_id")))
            .where(DSL.field("j.stage").eq("PRINTED"))
            .and(DSL.field("p.code").in(codes)));
  }

  /** The bench's own application: it sets the office up and counts, driving nothing. */
  private static ConfigurableApplicationContext context(EmbeddedDatabase postgres) {
    return new SpringApplicationBuilder(CetakApplication.class)
        .profiles("simulated-print-room")
        .web(WebApplicationType.NONE)
        .run(
            "--cetak.database.url=" + postgres.jdbcUrl("postgres"),
            "--cetak.database.user=" + EmbeddedDatabase.USER,
            "--cetak.database.password=" + postgres.password(),
            "--spring.quartz.auto-startup=false",
            "--logging.level.root=WARN",
            "--cetak.demo.scenario=classpath:print-room/none.yaml",
            "--cetak.station.enabled=false",
            "--cetak.stock.feeder-capacity=1000000",
            "--cetak.stock.max-drop-quantity=1000000");
  }

  private static void setUp(ConfigurableApplicationContext context, SimulatedRoom room, int cards)
      throws Exception {
    OfficeDirectory offices = context.getBean(OfficeDirectory.class);
    FeederStock feeders = context.getBean(FeederStock.class);
    PrinterRegistry registry = context.getBean(PrinterRegistry.class);
    PrintJobs jobs = context.getBean(PrintJobs.class);
    Office office = offices.officeByCode("32.71").orElseThrow();
    User admin = TestUsers.everyRole(offices);
    // half as many again as an even share: the faster printers print more than their share
    int perPrinter = cards / PRINTERS * 3 / 2 + 10;
    context
        .getBean(DropReceipts.class)
        .receive(
            office.id(),
            new DropRequest(
                "BA/BENCH/0140", LocalDate.of(2026, 11, 2), perPrinter * PRINTERS, List.of()),
            admin);
    for (int i = 1; i <= PRINTERS; i++) {
      Printer printer =
          registry.register(office.id(), "PRN-" + i, "Printer " + i, "Primacy", admin);
      feeders.load(office.id(), "PRN-" + i, perPrinter, admin);
      room.printer("PRN-" + i).loadBlanks(perPrinter);
      jobs.setState(printer.id(), PrinterMode.RUNNING, "bench started");
    }
    Path bundle = SyntheticBundle.write(Files.createTempDirectory("cetak-nodes-bench"), 3, cards);
    context
        .getBean(ImportService.class)
        .importBundle(Bundle.open(bundle), "32.71", "loket", ImportProgress.none());
    context.getBean(AllocationService.class).run(office.id(), RunTrigger.ON_DEMAND, "kabid");
  }

  /** Sixteen zero-delay printers on loopback TCP, no faults; feeders start empty. */
  private static String scenario() {
    StringBuilder yaml =
        new StringBuilder(
            """
            name: nodes bench
            timeScale: 0
            seed: 7
            session:
              idle: 300ms
              quiet: 50ms
              lateReply: 6s
              portDown: 100ms
            printers:
            """);
    for (int i = 1; i <= PRINTERS; i++) {
      yaml.append("  - name: PRN-")
          .append(i)
          .append(
              """

                  model: Primacy
                  tcp: 127.0.0.1:0
                  blanks: 0
                  deadChipRate: 0
                  ribbonPrints: 1000000
                  rejectBoxCapacity: 10000
                  hopperCapacity: 1000000
              """);
    }
    return yaml.toString();
  }
}
