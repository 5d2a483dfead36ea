package org.cetak.printing.room;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.cetak.stock.DropRequest;
import org.cetak.stock.Printer;
import org.cetak.stock.StockService;
import org.jooq.DSLContext;
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
 * java -cp ... org.cetak.printing.room.StationBench [cards] [printers] [time-scale]
 * </pre>
 */
public final class StationBench {

  private StationBench() {}

  public static void main(String[] args) throws Exception {
    int cards = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int printerCount = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    double timeScale = args.length > 2 ? Double.parseDouble(args[2]) : 0;
    try (EmbeddedDatabase postgres = EmbeddedDatabase.startTemporary()) {
      List<String> properties =
          new ArrayList<>(
              Arrays.asList(
                  "--cetak.database.url=" + postgres.jdbcUrl("postgres"),
                  "--cetak.database.user=" + EmbeddedDatabase.USER,
                  "--cetak.database.password=",
                  "--spring.quartz.auto-startup=false",
                  "--logging.level.root=WARN",
                  "--cetak.demo.scenario=" + scenario(printerCount, timeScale),
                  "--cetak.station.enabled=true",
                  "--cetak.station.node=bench",
                  "--cetak.station.time-scale=" + Math.max(0.02, timeScale),
                  "--cetak.station.idle-wait=5ms",
                  "--cetak.station.lease=3s",
                  "--cetak.station.preparation-threads=2"));
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
              "\n    blanks: 0\n    deadChipRate: 0\n    ribbonPrints: 1000000\n"
                  + "    rejectBoxCapacity: 10000\n    hopperCapacity: 1000000\n");
    }
    Path file = Files.createTempFile("cetak-bench", ".yaml");
    Files.writeString(file, yaml);
    return file.toString();
  }

  private static void run(ConfigurableApplicationContext context, int cards, int printerCount)
      throws Exception {
    OfficeDirectory offices = context.getBean(OfficeDirectory.class);
    StockService stock = context.getBean(StockService.class);
    SimulatedRoom room = context.getBean(SimulatedRoom.class);
    PrintJobs jobs = context.getBean(PrintJobs.class);
    StationRuntime runtime = context.getBean(StationRuntime.class);
    DSLContext db = context.getBean(DSLContext.class);
    Office office = offices.officeByCode("32.71").orElseThrow();
    User admin = offices.user("admin").orElseThrow();
    int perPrinter = cards / printerCount + 1;
    stock.receiveDrop(
        office.id(),
        new DropRequest(
            "BA/BENCH/0001", LocalDate.of(2026, 11, 2), perPrinter * printerCount, List.of()),
        admin);
    List<Printer> printers = new ArrayList<>();
    for (int i = 1; i <= printerCount; i++) {
      printers.add(
          stock.registerPrinter(office.id(), "PRN-" + i, "Printer " + i, "Primacy", admin));
      stock.load(office.id(), "PRN-" + i, perPrinter, admin);
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

    Record before = stats(db);
    long start = System.nanoTime();
    for (Printer printer : printers) {
      jobs.setState(printer.id(), PrinterMode.RUNNING, "bench");
      runtime.wakeUp(printer.id());
    }
    long reserved = GroundTruthCheck.waiting(db);
    System.out.printf(
        "%d requests hold a blank (the policy's daily cap may hold back the rest)%n", reserved);
    while (GroundTruthCheck.waiting(db) > 0 && (System.nanoTime() - start) / 1e9 < 600) {
      Thread.sleep(50);
    }
    long printed = db.fetchCount(DSL.table("print_job"), DSL.field("stage").eq("PRINTED"));
    double seconds = (System.nanoTime() - start) / 1e9;
    Thread.sleep(1500); // statistics reach pg_stat_database within a second
    Record after = stats(db);
    runtime.stop();
    System.out.printf(
        "printed %d cards on %d printers in %.1f s: %.1f cards/s%n",
        printed, printerCount, seconds, printed / seconds);
    long commits = after.get(0, Long.class) - before.get(0, Long.class);
    long inserted = after.get(1, Long.class) - before.get(1, Long.class);
    long updated = after.get(2, Long.class) - before.get(2, Long.class);
    System.out.printf(
        "database per card: %.1f transactions, %.1f rows inserted, %.1f rows updated%n",
        commits / (double) printed, inserted / (double) printed, updated / (double) printed);
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

  private static Record stats(DSLContext db) {
    return db.fetchOne(
        "select xact_commit, tup_inserted, tup_updated from pg_stat_database"
            + " where datname = current_database()");
  }
}
