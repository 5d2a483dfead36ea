package org.cetak.printing.room;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
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
import org.cetak.printing.config.StationRuntime;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.DropRequest;
import org.cetak.stock.FeederStock;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * End-to-end print station benchmark: N simulated printers with their chip readers, real
 * PostgreSQL, real driver, card faces rendered, ledger and outboxes written. Prints cards per
 * second, the host gap between consecutive cards of a printer, and database work per card.
 *
 * <pre>
 * java -cp ... org.cetak.printing.room.StationBench [cards] [printers] [time-scale] [durable]
 * </pre>
 *
 * <p>The embedded PostgreSQL runs like the tests' (no fsync, asynchronous commit) unless {@code
 * durable} is given: then with the server's defaults, every commit flushed to disk.
 */
public final class StationBench {

  private StationBench() {}

  public static void main(String[] args) throws Exception {
    int cards = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int printerCount = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    double timeScale = args.length > 2 ? Double.parseDouble(args[2]) : 0;
    boolean durable = args.length > 3 && args[3].equals("durable");
    Path dataDir = Files.createTempDirectory("cetak-bench-pg");
    try (EmbeddedDatabase postgres =
        durable
            ? EmbeddedDatabase.startPersistent(dataDir, 0)
            : EmbeddedDatabase.startTemporary()) {
      System.out.println(
          durable
              ? "PostgreSQL with its default durability (fsync, synchronous commit)"
              : "PostgreSQL without fsync and with asynchronous commit, as in the tests");
      List<String> properties =
          new ArrayList<>(
              Arrays.asList(
                  "--cetak.database.url=" + postgres.jdbcUrl("postgres"),
                  "--cetak.database.user=" + EmbeddedDatabase.USER,
                  "--cetak.database.password=" + postgres.password(),
                  "--spring.quartz.auto-startup=false",
                  "--logging.level.root=WARN",
                  "--cetak.demo.scenario=" + scenario(printerCount, timeScale),
                  "--cetak.station.enabled=true",
                  "--cetak.station.node=bench",
                  "--cetak.station.time-scale=" + Math.max(0.02, timeScale),
                  "--cetak.station.idle-wait=5ms",
                  "--cetak.station.lease=3s",
                  "--cetak.station.preparation-threads=2",
                  // the bench loads each printer's whole share at once
                  "--cetak.stock.feeder-capacity=1000000",
                  "--cetak.stock.max-drop-quantity=1000000"));
      for (int i = 0; i < printerCount; i++) {
        String prefix = "--cetak.station.printers[" + i + "].";
        properties.add(prefix + "office=32.71");
        properties.add(prefix + "code=PRN-" + (i + 1));
        properties.add(prefix + "link=sim:PRN-" + (i + 1));
        properties.add(prefix + "reader=Cetak Sim Reader PRN-" + (i + 1));
      }
      try (ConfigurableApplicationContext context =
          new SpringApplicationBuilder(CetakApplication.class)
              .profiles("simulated-print-room")
              .web(WebApplicationType.NONE)
              .run(properties.toArray(String[]::new))) {
        run(context, cards, printerCount);
      }
    }
  }

  private static String scenario(int printers, double timeScale) throws Exception {
    StringBuilder yaml =
        new StringBuilder("name: bench\ntimeScale: " + timeScale + "\nseed: 7\nprinters:\n");
    for (int i = 1; i <= printers; i++) {
      yaml.append("  - name: PRN-")
          .append(i)
          .append(
              """

                  blanks: 0
                  deadChipRate: 0
                  ribbonPrints: 1000000
                  rejectBoxCapacity: 10000
                  hopperCapacity: 1000000
              """);
    }
    Path file = Files.createTempFile("cetak-bench", ".yaml");
    Files.writeString(file, yaml);
    return file.toString();
  }

  private static void run(ConfigurableApplicationContext context, int cards, int printerCount)
      throws Exception {
    OfficeDirectory offices = context.getBean(OfficeDirectory.class);
    FeederStock feeders = context.getBean(FeederStock.class);
    DropReceipts receipts = context.getBean(DropReceipts.class);
    PrinterRegistry registry = context.getBean(PrinterRegistry.class);
    SimulatedRoom room = context.getBean(SimulatedRoom.class);
    PrintJobs jobs = context.getBean(PrintJobs.class);
    StationRuntime runtime = context.getBean(StationRuntime.class);
    DSLContext db = context.getBean(DSLContext.class);
    Office office = offices.officeByCode("32.71").orElseThrow();
    User admin = TestUsers.everyRole(offices);
    int perPrinter = cards / printerCount + 1;
    receipts.receive(
        office.id(),
        new DropRequest(
            "BA/BENCH/0001", LocalDate.of(2026, 11, 2), perPrinter * printerCount, List.of()),
        admin);
    List<Printer> printers = new ArrayList<>();
    for (int i = 1; i <= printerCount; i++) {
      printers.add(registry.register(office.id(), "PRN-" + i, "Printer " + i, "Primacy", admin));
      feeders.load(office.id(), "PRN-" + i, perPrinter, admin);
      SimulatedPrinter sim = room.printer("PRN-" + i);
      sim.loadBlanks(perPrinter);
    }
    Path bundle = SyntheticBundle.write(Files.createTempDirectory("cetak-bench"), 3, cards);
    long importStart = System.nanoTime();
    context
        .getBean(ImportService.class)
        .importBundle(Bundle.open(bundle), "32.71", "loket", ImportProgress.none());
    context.getBean(AllocationService.class).run(office.id(), RunTrigger.ON_DEMAND, "kabid");
    System.out.printf(
        "setup: %d requests imported and allocated in %.1f s%n",
        cards, (System.nanoTime() - importStart) / 1e9);

    // the bench's own queries go through a context of their own: counted apart, then subtracted
    DSLContext probe = DSL.using(db.configuration().derive());
    LongAdder probes = countStatements(probe);
    LongAdder statements = countStatements(db);
    db = probe;
    long start = System.nanoTime();
    for (Printer printer : printers) {
      jobs.setState(printer.id(), PrinterMode.RUNNING, "bench");
      runtime.wakeUp(printer.id());
    }
    long reserved = GroundTruthCheck.waiting(db);
    System.out.printf(
        "%d requests hold a blank (the policy's daily cap may hold back the rest)%n", reserved);
    // the first fifth of the cards warm the JIT and the pools; the figures are the rest's
    long warmUp = reserved / 5;
    while (printed(db) < warmUp && seconds(start) < 600) {
      Thread.sleep(20);
    }
    long printedBefore = printed(db);
    long statementsBefore = statements.sum();
    Record before = stats(db);
    long probesBefore = probes.sum();
    long[] cpuBefore = cpuMillis(db);
    long measureStart = System.nanoTime();
    while (GroundTruthCheck.waiting(db) > 0 && seconds(start) < 600) {
      Thread.sleep(20);
    }
    double measured = seconds(measureStart);
    long[] cpuAfter = cpuMillis(db);
    long statementCount = statements.sum() - statementsBefore;
    long total = printed(db);
    double overall = seconds(start);
    runtime.stop();
    Thread.sleep(1500); // statistics reach pg_stat_database within a second
    long probeCount = probes.sum() - probesBefore;
    Record after = stats(db);
    long printed = total - printedBefore;
    System.out.printf(
        "printed %d cards on %d printers in %.1f s: %.1f cards/s overall;"
            + " after the first %d: %.1f cards/s%n",
        total, printerCount, overall, total / overall, printedBefore, printed / measured);
    long commits = after.get(0, Long.class) - before.get(0, Long.class) - probeCount;
    long inserted = after.get(1, Long.class) - before.get(1, Long.class);
    long updated = after.get(2, Long.class) - before.get(2, Long.class);
    System.out.printf(
        "database per card: %.1f statements, %.1f transactions, %.1f rows inserted, %.1f rows"
            + " updated%n",
        statementCount / (double) printed,
        commits / (double) printed,
        inserted / (double) printed,
        updated / (double) printed);
    System.out.printf(
        "CPU per card: application %.1f ms, PostgreSQL %.1f ms (%d cores)%n",
        (cpuAfter[0] - cpuBefore[0]) / (double) printed,
        (cpuAfter[1] - cpuBefore[1]) / (double) printed,
        Runtime.getRuntime().availableProcessors());
    List<Double> gaps =
        db.fetch(
                "select extract(epoch from (j.created_at - p.finished_at)) * 1000 as gap"
                    + " from print_job j join lateral (select finished_at from print_job p"
                    + " where p.printer_id = j.printer_id and p.id < j.id order by p.id desc limit 1) p"
                    + " on true")
            .getValues(0, Double.class);
    gaps.sort(Double::compare);
    if (!gaps.isEmpty()) {
      System.out.printf(
          "host gap between consecutive cards of a printer: median %.1f ms, p95 %.1f ms (%d gaps)%n",
          gaps.get(gaps.size() / 2), gaps.get((int) (gaps.size() * 0.95)), gaps.size());
    }
  }

  /**
   * CPU time used so far by this JVM and by the PostgreSQL server (the postmaster, its live
   * children and the children it has reaped), in ms.
   */
  private static long[] cpuMillis(DSLContext db) {
    long jvm =
        ((com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime()
            / 1_000_000;
    try {
      Path dataDir = Path.of(db.fetchSingle("show data_directory").get(0, String.class));
      long postmaster =
          Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
      long postgres = ticks(postmaster, true);
      try (var processes = Files.list(Path.of("/proc"))) {
        for (Path proc : processes.toList()) {
          String name = proc.getFileName().toString();
          if (name.chars().allMatch(Character::isDigit) && parent(proc) == postmaster) {
            postgres += ticks(Long.parseLong(name), false);
          }
        }
      }
      return new long[] {jvm, postgres * 10}; // clock ticks of 10 ms
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String[] statFields(long pid) throws java.io.IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
  }

  private static long parent(Path proc) {
    try {
      return Long.parseLong(statFields(Long.parseLong(proc.getFileName().toString()))[1]);
    } catch (java.io.IOException | RuntimeException e) {
      return -1; // the process ended meanwhile
    }
  }

  private static long ticks(long pid, boolean withReapedChildren) {
    try {
      String[] f = statFields(pid);
      long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return withReapedChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
    } catch (java.io.IOException | RuntimeException e) {
      return 0; // the process ended meanwhile
    }
  }

  private static long printed(DSLContext db) {
    return db.fetchCount(DSL.table("print_job"), DSL.field("stage").eq("PRINTED"));
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }

  /** Counts the statements the application sends from now on, on every thread. */
  private static LongAdder countStatements(DSLContext db) {
    LongAdder count = new LongAdder();
    ExecuteListener counter =
        new ExecuteListener() {
          @Override
          public void executeStart(ExecuteContext ctx) {
            count.increment();
          }
        };
    ExecuteListenerProvider[] existing = db.configuration().executeListenerProviders();
    ExecuteListenerProvider[] all = Arrays.copyOf(existing, existing.length + 1);
    all[existing.length] = () -> counter;
    db.configuration().set(all);
    return count;
  }

  private static Record stats(DSLContext db) {
    return db.fetchOne(
        "select xact_commit, tup_inserted, tup_updated from pg_stat_database"
            + " where datname = current_database()");
  }
}
