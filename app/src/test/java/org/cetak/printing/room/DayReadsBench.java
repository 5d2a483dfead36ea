package org.cetak.printing.room;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import org.cetak.CetakApplication;
import org.cetak.db.EmbeddedDatabase;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.ImportService;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.PrinterControl;
import org.cetak.printing.PrinterSummary;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.DropRequest;
import org.cetak.stock.Item;
import org.cetak.stock.Ledger;
import org.cetak.stock.Location;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.stock.RecordedMovement;
import org.cetak.stock.StockLevels;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the console reads at the end of a busy day, timed after 1,400 cards of the day, after
 * 24,000, and after 24,000 more with 200,000 cards of earlier days in the ledger: the printers (the
 * printers page and {@code GET /api/printers}, with each printer's cards of the day), the stock
 * page's reconciliation, balances and latest movements; beside them, reading every movement of the
 * day into Java, as the day counts once did. The cards are written the way the station leaves them
 * (a finished job and two ledger movements each, 8 printers), by SQL, so the bench takes seconds.
 *
 * <pre>
 * java -cp ... org.cetak.printing.room.DayReadsBench
 * </pre>
 */
public final class DayReadsBench {

  private static final int PRINTERS = 8;

  private DayReadsBench() {}

  public static void main(String[] args) throws Exception {
    // the simulated print room's profile seeds the offices; its one printer is not used
    java.nio.file.Path room = Files.createTempFile("cetak-reads", ".yaml");
    Files.writeString(room, "name: reads\ntimeScale: 0\nseed: 7\nprinters:\n  - name: IDLE-1\n");
    try (EmbeddedDatabase postgres = EmbeddedDatabase.startTemporary();
        ConfigurableApplicationContext context =
            new SpringApplicationBuilder(CetakApplication.class)
                .profiles("simulated-print-room")
                .web(WebApplicationType.NONE)
                .run(
                    "--cetak.demo.scenario=" + room,
                    "--cetak.database.url=" + postgres.jdbcUrl("postgres"),
                    "--cetak.database.user=" + EmbeddedDatabase.USER,
                    "--cetak.database.password=" + postgres.password(),
                    "--spring.quartz.auto-startup=false",
                    "--logging.level.root=WARN",
                    "--cetak.stock.max-drop-quantity=1000000")) {
      run(context);
    }
  }

  private static void run(ConfigurableApplicationContext context) throws Exception {
    OfficeDirectory offices = context.getBean(OfficeDirectory.class);
    PrinterRegistry registry = context.getBean(PrinterRegistry.class);
    PrinterControl control = context.getBean(PrinterControl.class);
    StockLevels levels = context.getBean(StockLevels.class);
    Ledger ledger = context.getBean(Ledger.class);
    DSLContext db = context.getBean(DSLContext.class);
    java.time.Clock clock = context.getBean(java.time.Clock.class);
    Office office = offices.officeByCode("32.71").orElseThrow();
    User admin = TestUsers.everyRole(offices);
    context
        .getBean(DropReceipts.class)
        .receive(
            office.id(),
            new DropRequest("BA/BENCH/0001", LocalDate.of(2026, 11, 2), 500_000, List.of()),
            admin);
    List<Printer> printers = new ArrayList<>();
    for (int i = 1; i <= PRINTERS; i++) {
      printers.add(registry.register(office.id(), "PRN-" + i, "Printer " + i, "Primacy", admin));
    }
    context
        .getBean(ImportService.class)
        .importBundle(
            Bundle.open(SyntheticBundle.write(Files.createTempDirectory("cetak-reads"), 5, 1)),
            "32.71",
            "loket",
            ImportProgress.none());
    long requestId = db.fetchSingle("select min(id) from print_request").get(0, Long.class);
    ZoneId zone = clock.getZone();
    LocalDate today = LocalDate.now(clock);
    Instant dayStart = today.atStartOfDay(zone).toInstant();
    Instant dayEnd = today.plusDays(1).atStartOfDay(zone).toInstant();

    System.out.printf(
        "%-44s %12s %14s %14s %12s%n",
        "ledger", "printers ms", "stock page ms", "day in Java ms", "printed today");
    int today1 = 1_400;
    seed(db, office.id(), printers, requestId, today1, 0);
    report("1,400 cards today", control, levels, ledger, office, dayStart, dayEnd);
    seed(db, office.id(), printers, requestId, 24_000 - today1, 0);
    report("24,000 cards today", control, levels, ledger, office, dayStart, dayEnd);
    seed(db, office.id(), printers, requestId, 200_000, 3);
    report(
        "24,000 today, 200,000 on earlier days", control, levels, ledger, office, dayStart, dayEnd);
    System.out.printf(
        "load average now %s%n", Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
  }

  /**
   * Writes {@code cards} printed cards spread over the printers, as the station leaves them: a
   * finished job, a blank picked from the feeder and the same blank moved to the printed pile, and
   * the balances moved accordingly; today (in the last minutes) or {@code daysAgo} days ago.
   */
  private static void seed(
      DSLContext db,
      long officeId,
      List<Printer> printers,
      long requestId,
      int cards,
      int daysAgo) {
    int each = cards / printers.size();
    for (Printer p : printers) {
      String at = "now() - interval '" + daysAgo + " days' - g * interval '1 millisecond'";
      db.execute(
          "insert into print_job (office_id, printer_id, request_id, stage, card_held, reprint,"
              + " created_at, updated_at, finished_at, last_event)"
              + " select ?, ?, ?, 'PRINTED', 'NONE', true, "
              + at
              + ", "
              + at
              + ", "
              + at
              + ", 'printed' from generate_series(1, ?) g",
          officeId,
          p.id(),
          requestId,
          each);
      for (String[] move :
          List.of(
              new String[] {
                "FEEDER", String.valueOf(p.id()), "INSIDE_PRINTER", String.valueOf(p.id()), "PICKED"
              },
              new String[] {
                "INSIDE_PRINTER", String.valueOf(p.id()), "PRINTED", "null", "PRINTED"
              })) {
        db.execute(
            "insert into stock_movement (office_id, item, from_location, from_printer_id,"
                + " to_location, to_printer_id, quantity, reason, actor, occurred_at,"
                + " reference_kind, reference_id, request_id, note)"
                + " select ?, 'BLANK', ?, "
                + move[1]
                + ", ?, "
                + move[3]
                + ", 1, ?, 'station:bench', "
                + at
                + ", 'PRINT_JOB', g, ?, '' from generate_series(1, ?) g",
            officeId,
            move[0],
            move[2],
            move[4],
            requestId,
            each);
      }
    }
    int all = each * printers.size();
    db.execute(
        "update stock_balance set quantity = quantity - ? where office_id = ? and location ="
            + " 'VAULT'",
        all,
        officeId);
    db.execute(
        "insert into stock_balance (office_id, item, location, quantity) values (?, 'BLANK',"
            + " 'PRINTED', ?) on conflict (office_id, item, location, coalesce(printer_id, 0)) do"
            + " update set quantity = stock_balance.quantity + excluded.quantity",
        officeId,
        all);
    db.execute("vacuum analyze stock_movement");
    db.execute("vacuum analyze print_job");
  }

  private static void report(
      String what,
      PrinterControl control,
      StockLevels levels,
      Ledger ledger,
      Office office,
      Instant dayStart,
      Instant dayEnd) {
    double printers = median(() -> (long) control.printers(office.id()).size());
    double stock =
        median(
            () ->
                levels.reconciliation(office.id()).printed()
                    + ledger.balances(office.id()).size()
                    + levels.usable(office.id())
                    + ledger.recent(office.id(), 20).size());
    double inJava =
        median(
            () -> {
              long printed = 0;
              for (RecordedMovement r : ledger.between(office.id(), dayStart, dayEnd)) {
                if (r.movement().item() == Item.BLANK
                    && r.movement().to().location() == Location.PRINTED) {
                  printed += r.movement().quantity();
                }
              }
              return printed;
            });
    long printedToday =
        control.printers(office.id()).stream().mapToLong(PrinterSummary::printedToday).sum();
    System.out.printf(
        "%-44s %12.2f %14.2f %14.1f %12d%n", what, printers, stock, inJava, printedToday);
  }

  private static void check(long answer) {
    if (answer < 0) {
      throw new IllegalStateException("a read answered " + answer);
    }
  }

  /** The median time of a read, in ms, over 15 calls after 10 to warm up. */
  private static double median(LongSupplier read) {
    for (int i = 0; i < 10; i++) {
      check(read.getAsLong());
    }
    double[] ms = new double[15];
    for (int i = 0; i < ms.length; i++) {
      long start = System.nanoTime();
      check(read.getAsLong());
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return ms[ms.length / 2];
  }
}
