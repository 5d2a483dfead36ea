package org.cetak.printing.room;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import javax.smartcardio.TerminalFactory;
import javax.sql.DataSource;
import org.cetak.CetakApplication;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.RunTrigger;
import org.cetak.db.EmbeddedDatabase;
import org.cetak.drivers.chip.pcsc.PcscChipEncoder;
import org.cetak.drivers.printer.CardPrinterDriver;
import org.cetak.drivers.printer.PrinterTimings;
import org.cetak.drivers.transport.Transport;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.ImportService;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.CardSupply;
import org.cetak.printing.PreparedCard;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.config.PrinterLinks;
import org.cetak.printing.config.StationRuntime;
import org.cetak.printing.device.CardPrinter;
import org.cetak.printing.device.ChipOutcome;
import org.cetak.printing.device.ChipStation;
import org.cetak.printing.device.StatusReading;
import org.cetak.printing.device.StepOutcome;
import org.cetak.printing.device.driver.DriverCardPrinter;
import org.cetak.printing.device.driver.EncoderChipStation;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.DropRequest;
import org.cetak.stock.FeederStock;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.support.TestUsers;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The print station end to end, beside its two limits measured in the same process: N zero-delay
 * simulated printers with their chip readers on the real embedded PostgreSQL, real driver, card
 * faces rendered, ledger and outboxes written; against (a) the same simulated printers driven by
 * the same driver with the same commands per card and nothing else — no database, no rendering, the
 * device limit of this machine — and (b) the rows a printed card leaves in the database (its job,
 * two ledger movements and the balances they move, the request, its event and reservation, the
 * status and SMS outbox rows) written by plain batched JDBC on as many connections as there are
 * printers, one transaction per card, and again fifty cards per transaction. Then one printer in
 * field timing scaled to 1/50 for the host gap between consecutive cards. Prints one table.
 *
 * <pre>
 * java -cp ... org.cetak.printing.room.StationBench [cards] [printers] [durable]
 * </pre>
 *
 * <p>The embedded PostgreSQL runs like the tests' (no fsync, asynchronous commit) unless {@code
 * durable} is given: then with the server's defaults, every commit flushed to disk.
 */
public final class StationBench {

  /** The real-time printer's field timing, scaled. */
  private static final double REAL_TIME_SCALE = 0.02;

  private static final int REAL_TIME_CARDS = 40;

  private StationBench() {}

  /** One measured run: what it did per card, and the host gap when it has one. */
  private record Figures(
      String what,
      long cards,
      double seconds,
      double statements,
      double transactions,
      double appCpuMs,
      double postgresCpuMs,
      Optional<double[]> gap) {

    double rate() {
      return cards / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    int cards = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int printerCount = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    boolean durable = args.length > 2 && args[2].equals("durable");
    System.out.println(
        durable
            ? "PostgreSQL with its default durability (fsync, synchronous commit)"
            : "PostgreSQL without fsync and with asynchronous commit, as in the tests");
    List<Figures> figures = new ArrayList<>();
    try (EmbeddedDatabase postgres = server(durable);
        ConfigurableApplicationContext context = context(postgres, printerCount, 0, true)) {
      Setup setup = setUp(context, cards, printerCount);
      figures.add(deviceOnly(context, cards, printerCount));
      figures.add(station(context, setup, printerCount));
      figures.add(minimumDatabase(context, setup, cards, printerCount, 1));
      figures.add(minimumDatabase(context, setup, cards, printerCount, 50));
    }
    try (EmbeddedDatabase postgres = server(durable);
        ConfigurableApplicationContext context = context(postgres, 1, REAL_TIME_SCALE, false)) {
      Setup setup = setUp(context, REAL_TIME_CARDS, 1);
      figures.add(station(context, setup, 1));
    }
    print(figures, printerCount);
  }

  private static EmbeddedDatabase server(boolean durable) throws Exception {
    return durable
        ? EmbeddedDatabase.startPersistent(Files.createTempDirectory("cetak-bench-pg"), 0)
        : EmbeddedDatabase.startTemporary();
  }

  private static void print(List<Figures> figures, int printerCount) {
    Figures device = figures.get(0);
    Figures station = figures.get(1);
    Figures minimum = figures.get(2);
    System.out.println();
    System.out.printf(
        "%-58s %9s %9s %8s %8s %9s %9s %15s%n",
        "run", "cards", "cards/s", "stmt/card", "tx/card", "app ms/c", "pg ms/c", "gap med/p95 ms");
    for (Figures f : figures) {
      System.out.printf(
          "%-58s %9d %9.1f %8.1f %8.2f %9.2f %9.2f %15s%n",
          f.what(),
          f.cards(),
          f.rate(),
          f.statements(),
          f.transactions(),
          f.appCpuMs(),
          f.postgresCpuMs(),
          f.gap().map(g -> String.format("%.1f / %.1f", g[0], g[1])).orElse("-"));
    }
    System.out.println();
    System.out.printf(
        "station vs device limit (%d printers, no database, no rendering): %.1f%% of it, %.2fx"
            + " slower%n",
        printerCount, 100 * station.rate() / device.rate(), device.rate() / station.rate());
    System.out.printf(
        "station vs minimum database work per card (a transaction per card): %.2fx slower%n",
        minimum.rate() / station.rate());
    System.out.printf(
        "station vs minimum database work per card (50 cards per transaction): %.2fx slower%n",
        figures.get(3).rate() / station.rate());
    System.out.printf(
        "%d cores; load average now %s%n",
        Runtime.getRuntime().availableProcessors(), loadAverage());
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static ConfigurableApplicationContext context(
      EmbeddedDatabase postgres, int printerCount, double timeScale, boolean devicePrinters)
      throws Exception {
    List<String> properties =
        new ArrayList<>(
            Arrays.asList(
                "--cetak.database.url=" + postgres.jdbcUrl("postgres"),
                "--cetak.database.user=" + EmbeddedDatabase.USER,
                "--cetak.database.password=" + postgres.password(),
                "--spring.quartz.auto-startup=false",
                "--logging.level.root=WARN",
                "--cetak.demo.scenario=" + scenario(printerCount, timeScale, devicePrinters),
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
    return new SpringApplicationBuilder(CetakApplication.class)
        .profiles("simulated-print-room")
        .web(WebApplicationType.NONE)
        .run(properties.toArray(String[]::new));
  }

  /**
   * The room: the station's printers PRN-n and, for the device limit, as many more DEV-n that no
   * station drives.
   */
  private static String scenario(int printers, double timeScale, boolean devicePrinters)
      throws Exception {
    StringBuilder yaml =
        new StringBuilder("name: bench\ntimeScale: " + timeScale + "\nseed: 7\nprinters:\n");
    for (String kind : devicePrinters ? List.of("PRN-", "DEV-") : List.of("PRN-")) {
      for (int i = 1; i <= printers; i++) {
        yaml.append("  - name: ")
            .append(kind)
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
    }
    Path file = Files.createTempFile("cetak-bench", ".yaml");
    Files.writeString(file, yaml);
    return file.toString();
  }

  private record Setup(Office office, List<Printer> printers, long reserved) {}

  private static Setup setUp(ConfigurableApplicationContext context, int cards, int printerCount)
      throws Exception {
    OfficeDirectory offices = context.getBean(OfficeDirectory.class);
    FeederStock feeders = context.getBean(FeederStock.class);
    DropReceipts receipts = context.getBean(DropReceipts.class);
    PrinterRegistry registry = context.getBean(PrinterRegistry.class);
    SimulatedRoom room = context.getBean(SimulatedRoom.class);
    Office office = offices.officeByCode("32.71").orElseThrow();
    User admin = TestUsers.everyRole(offices);
    // half as many again as an even share: the faster printers print more than their share
    int perPrinter = cards / printerCount * 3 / 2 + 10;
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
    long reserved = GroundTruthCheck.waiting(context.getBean(DSLContext.class));
    System.out.printf(
        "setup: %d requests imported and allocated in %.1f s; %d hold a blank (the policy's daily"
            + " cap may hold back the rest)%n",
        cards, seconds(importStart), reserved);
    return new Setup(office, printers, reserved);
  }

  /**
   * The device limit: each DEV-n printer driven by its own thread through the station's driver and
   * chip encoder, with the commands and status reads the station sends for a printed card, the
   * panels and chip payload of one card prepared once beforehand.
   */
  private static Figures deviceOnly(
      ConfigurableApplicationContext context, int cards, int printerCount) throws Exception {
    SimulatedRoom room = context.getBean(SimulatedRoom.class);
    long requestId =
        context
            .getBean(DSLContext.class)
            .fetchSingle("select min(id) from print_request")
            .get(0, Long.class);
    PreparedCard card = context.getBean(CardSupply.class).prepare(requestId);
    PrinterLinks links =
        context.getBeansOfType(PrinterLinks.class).values().stream()
            .filter(l -> l.open("sim:DEV-1").isPresent())
            .findFirst()
            .orElseThrow();
    TerminalFactory readers = context.getBean(TerminalFactory.class);
    PrinterTimings timings = PrinterTimings.field().scaled(0.02);
    int perPrinter = cards / printerCount;
    List<CardPrinter> printers = new ArrayList<>();
    List<ChipStation> chips = new ArrayList<>();
    for (int i = 1; i <= printerCount; i++) {
      room.printer("DEV-" + i).loadBlanks(perPrinter + perPrinter / 10 + 10);
      Transport wire = links.open("sim:DEV-" + i).orElseThrow();
      printers.add(
          new DriverCardPrinter(
              CardPrinterDriver.over(wire, timings, Optional.empty(), Optional.empty())));
      chips.add(
          new EncoderChipStation(
              new PcscChipEncoder(readers, Pattern.compile("Cetak Sim Reader DEV-" + i)),
              Duration.ofSeconds(2)));
    }
    // a tenth of the cards first, to warm the JIT
    drive(printers, chips, card, perPrinter / 10);
    long[] cpuBefore = cpuMillis(context.getBean(DSLContext.class));
    long start = System.nanoTime();
    drive(printers, chips, card, perPrinter);
    double took = seconds(start);
    long[] cpuAfter = cpuMillis(context.getBean(DSLContext.class));
    long done = (long) perPrinter * printerCount;
    return new Figures(
        printerCount + " printers alone, same driver, no database, no rendering",
        done,
        took,
        0,
        0,
        (cpuAfter[0] - cpuBefore[0]) / (double) done,
        (cpuAfter[1] - cpuBefore[1]) / (double) done,
        Optional.empty());
  }

  private static void drive(
      List<CardPrinter> printers, List<ChipStation> chips, PreparedCard card, int each)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(printers.size());
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int p = 0; p < printers.size(); p++) {
        CardPrinter printer = printers.get(p);
        ChipStation chip = chips.get(p);
        running.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    oneCard(printer, chip, card);
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /** What the station sends to a printer for a card printed first time: 4 reads, 3 commands. */
  private static void oneCard(CardPrinter printer, ChipStation chip, PreparedCard card) {
    expectRead(printer.status());
    expectDone(printer.parkAtChipStation());
    expectRead(printer.status());
    expectRead(printer.status());
    if (!(chip.personalise(card.chip()) instanceof ChipOutcome.Written)) {
      throw new IllegalStateException("chip not written");
    }
    expectDone(printer.printAndEject(card.faces()));
    expectRead(printer.status());
  }

  private static void expectRead(StatusReading reading) {
    if (!(reading instanceof StatusReading.Read)) {
      throw new IllegalStateException("no status: " + reading);
    }
  }

  private static void expectDone(StepOutcome outcome) {
    if (!(outcome instanceof StepOutcome.Done)) {
      throw new IllegalStateException("command not done: " + outcome);
    }
  }

  private static Figures station(
      ConfigurableApplicationContext context, Setup setup, int printerCount) throws Exception {
    PrintJobs jobs = context.getBean(PrintJobs.class);
    StationRuntime runtime = context.getBean(StationRuntime.class);
    DSLContext db = context.getBean(DSLContext.class);
    // the bench's own queries go through a context of their own: counted apart, then subtracted
    DSLContext probe = DSL.using(db.configuration().derive());
    LongAdder probes = countStatements(probe);
    LongAdder statements = countStatements(db);
    db = probe;
    long start = System.nanoTime();
    for (Printer printer : setup.printers()) {
      jobs.setState(printer.id(), PrinterMode.RUNNING, "bench");
      runtime.wakeUp(printer.id());
    }
    // the first fifth of the cards warm the JIT and the pools; the figures are the rest's
    long warmUp = setup.reserved() / 5;
    while (printed(db) < warmUp && seconds(start) < 600) {
      Thread.sleep(20);
    }
    long printedBefore = printed(db);
    long lastJobBefore =
        db.fetchSingle("select coalesce(max(id), 0) from print_job").get(0, Long.class);
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
    runtime.stop();
    Thread.sleep(1500); // statistics reach pg_stat_database within a second
    long probeCount = probes.sum() - probesBefore;
    Record after = stats(db);
    long printed = total - printedBefore;
    long commits = after.get(0, Long.class) - before.get(0, Long.class) - probeCount;
    List<Double> gaps =
        db.fetch(
                "select extract(epoch from (j.created_at - p.finished_at)) * 1000 as gap"
                    + " from print_job j join lateral (select finished_at from print_job p"
                    + " where p.printer_id = j.printer_id and p.id < j.id order by p.id desc"
                    + " limit 1) p on true where j.id > ?",
                lastJobBefore)
            .getValues(0, Double.class);
    gaps.sort(Double::compare);
    Optional<double[]> gap =
        gaps.isEmpty()
            ? Optional.empty()
            : Optional.of(
                new double[] {gaps.get(gaps.size() / 2), gaps.get((int) (gaps.size() * 0.95))});
    return new Figures(
        printerCount == 1
            ? "station, 1 printer in field timing x" + REAL_TIME_SCALE
            : "station, " + printerCount + " zero-delay printers, PostgreSQL",
        printed,
        measured,
        statementCount / (double) printed,
        commits / (double) printed,
        (cpuAfter[0] - cpuBefore[0]) / (double) printed,
        (cpuAfter[1] - cpuBefore[1]) / (double) printed,
        gap);
  }

  /**
   * The rows a printed card leaves, written by plain JDBC, {@code perTransaction} cards to a
   * transaction, each kind of row in one batch, on as many connections as printers; on the requests
   * the station printed (their rows are written again: new jobs, marked reprints, with their
   * movements and outbox rows), after the station stopped.
   */
  private static Figures minimumDatabase(
      ConfigurableApplicationContext context,
      Setup setup,
      int cards,
      int printerCount,
      int perTransaction)
      throws Exception {
    DataSource data = context.getBean(DataSource.class);
    DSLContext db = context.getBean(DSLContext.class);
    List<Long> requests =
        db
            .fetchValues(
                "select id from print_request where status = 'PRINTED' order by id limit ?", cards)
            .stream()
            .map(v -> ((Number) v).longValue())
            .toList();
    // the feeders get what the writes take out of them; not part of the figures
    db.execute(
        "update stock_balance set quantity = quantity + ? where location = 'FEEDER'",
        requests.size());
    int each = requests.size() / printerCount;
    long officeId = setup.office().id();
    // warm up: one round on a tenth, the figures are of the second round on the rest
    int warm = Math.max(perTransaction, each / 10 / perTransaction * perTransaction);
    int measured = (each - warm) / perTransaction * perTransaction;
    runWriters(data, setup, requests, each, 0, warm, perTransaction, officeId);
    long[] cpuBefore = cpuMillis(db);
    long start = System.nanoTime();
    long statements =
        runWriters(data, setup, requests, each, warm, measured, perTransaction, officeId);
    double took = seconds(start);
    long[] cpuAfter = cpuMillis(db);
    long done = (long) measured * printerCount;
    return new Figures(
        "minimum DB work per card, plain JDBC, "
            + perTransaction
            + (perTransaction == 1 ? " card/transaction" : " cards/transaction"),
        done,
        took,
        statements / (double) done,
        1.0 / perTransaction,
        (cpuAfter[0] - cpuBefore[0]) / (double) done,
        (cpuAfter[1] - cpuBefore[1]) / (double) done,
        Optional.empty());
  }

  private static long runWriters(
      DataSource data,
      Setup setup,
      List<Long> requests,
      int each,
      int from,
      int count,
      int perTransaction,
      long officeId)
      throws Exception {
    List<Printer> printers = setup.printers();
    ExecutorService threads = Executors.newFixedThreadPool(printers.size());
    LongAdder statements = new LongAdder();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int p = 0; p < printers.size(); p++) {
        long printerId = printers.get(p).id();
        List<Long> mine = requests.subList(p * each + from, p * each + from + count);
        running.add(
            threads.submit(
                () -> {
                  try (Connection c = data.getConnection()) {
                    c.setAutoCommit(false);
                    CardWriter writer = new CardWriter(c, officeId, printerId, perTransaction);
                    for (int i = 0; i < mine.size(); i += perTransaction) {
                      statements.add(writer.write(mine.subList(i, i + perTransaction)));
                      c.commit();
                    }
                    c.setAutoCommit(true);
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    return statements.sum();
  }

  /** Plain JDBC writes of printed cards' rows, prepared once per connection. */
  private static final class CardWriter {
    private final long officeId;
    private final long printerId;
    private final long uidSpace;
    private final PreparedStatement job;
    private final PreparedStatement movement;
    private final PreparedStatement take;
    private final PreparedStatement add;
    private final PreparedStatement request;
    private final PreparedStatement event;
    private final PreparedStatement reservation;
    private final PreparedStatement payload;
    private final PreparedStatement status;
    private final PreparedStatement sms;

    /**
     * @param uidSpace sets the chip UIDs written apart from the station's and from another run's on
     *     the same requests (a UID belongs to one printed card)
     */
    CardWriter(Connection c, long officeId, long printerId, long uidSpace) throws SQLException {
      this.officeId = officeId;
      this.printerId = printerId;
      this.uidSpace = uidSpace;
      job =
          c.prepareStatement(
              "insert into print_job (office_id, printer_id, request_id, stage, card_held,"
                  + " base_picked, base_rejects, base_hopper, base_position, chip_uid, reprint,"
                  + " created_at, updated_at, finished_at, last_event, last_moves) values (?, ?, ?,"
                  + " 'PRINTED', 'NONE', 1, 0, 1, 'NONE', ?, true, ?, ?, ?, 'printed', 'PICKED;"
                  + " PRINTED')",
              new String[] {"id"});
      movement =
          c.prepareStatement(
              "insert into stock_movement (office_id, item, from_location, from_printer_id,"
                  + " to_location, to_printer_id, quantity, reason, actor, occurred_at,"
                  + " reference_kind, reference_id, chip_uid, request_id, note) values (?, 'BLANK',"
                  + " ?, ?, ?, ?, 1, ?, 'station:bench', ?, 'PRINT_JOB', ?, ?, ?, '')");
      take =
          c.prepareStatement(
              "update stock_balance set quantity = quantity - ? where office_id = ? and item ="
                  + " 'BLANK' and location = 'FEEDER' and coalesce(printer_id, 0) = ? and"
                  + " quantity >= ?");
      add =
          c.prepareStatement(
              "insert into stock_balance (office_id, item, location, printer_id, quantity) values"
                  + " (?, 'BLANK', 'PRINTED', null, ?) on conflict (office_id, item, location,"
                  + " coalesce(printer_id, 0)) do update set quantity = stock_balance.quantity +"
                  + " excluded.quantity");
      request =
          c.prepareStatement(
              "update print_request set status = 'PRINTED', status_at = ?, updated_at = ?,"
                  + " printed_at = ?, card_uid = ? where id = ?");
      event =
          c.prepareStatement(
              "insert into print_request_event (request_id, from_status, to_status, reason, actor,"
                  + " occurred_at) values (?, 'PRINTING', 'PRINTED', 'printed', 'station:bench',"
                  + " ?)");
      reservation =
          c.prepareStatement(
              "update reservation set consumed_at = ? where request_id = ? and released_at is null"
                  + " and consumed_at is null");
      payload = c.prepareStatement("delete from request_payload where request_id = ?");
      status =
          c.prepareStatement(
              "insert into status_outbox (office_id, request_id, print_job_id, nik, card_uid,"
                  + " printed_at, created_at) values (?, ?, ?, '3271010101010001', ?, ?, ?)");
      sms =
          c.prepareStatement(
              "insert into sms_outbox (office_id, request_id, print_job_id, phone, body, status,"
                  + " created_at, kind) values (?, ?, ?, '081200000000', 'KTP-el Anda sudah jadi',"
                  + " 'PENDING', ?, 'READY_AGAIN')");
    }

    /** Writes the cards' rows; the number of statements sent. */
    long write(List<Long> requestIds) throws SQLException {
      Timestamp now = new Timestamp(System.currentTimeMillis());
      for (long requestId : requestIds) {
        job.setLong(1, officeId);
        job.setLong(2, printerId);
        job.setLong(3, requestId);
        job.setString(4, uid(requestId));
        job.setTimestamp(5, now);
        job.setTimestamp(6, now);
        job.setTimestamp(7, now);
        job.addBatch();
      }
      job.executeBatch();
      List<Long> jobIds = new ArrayList<>();
      try (ResultSet keys = job.getGeneratedKeys()) {
        while (keys.next()) {
          jobIds.add(keys.getLong(1));
        }
      }
      for (int i = 0; i < requestIds.size(); i++) {
        long requestId = requestIds.get(i);
        long jobId = jobIds.get(i);
        movement(
            now, "FEEDER", printerId, "INSIDE_PRINTER", printerId, "PICKED", jobId, null, null);
        movement(
            now,
            "INSIDE_PRINTER",
            printerId,
            "PRINTED",
            null,
            "PRINTED",
            jobId,
            requestId,
            uid(requestId));
        request.setTimestamp(1, now);
        request.setTimestamp(2, now);
        request.setTimestamp(3, now);
        request.setString(4, uid(requestId));
        request.setLong(5, requestId);
        request.addBatch();
        event.setLong(1, requestId);
        event.setTimestamp(2, now);
        event.addBatch();
        reservation.setTimestamp(1, now);
        reservation.setLong(2, requestId);
        reservation.addBatch();
        payload.setLong(1, requestId);
        payload.addBatch();
        status.setLong(1, officeId);
        status.setLong(2, requestId);
        status.setLong(3, jobId);
        status.setString(4, uid(requestId));
        status.setTimestamp(5, now);
        status.setTimestamp(6, now);
        status.addBatch();
        sms.setLong(1, officeId);
        sms.setLong(2, requestId);
        sms.setLong(3, jobId);
        sms.setTimestamp(4, now);
        sms.addBatch();
      }
      // the feeder gives the blanks, the printed pile takes them: the inside balance nets out
      int n = requestIds.size();
      take.setInt(1, n);
      take.setLong(2, officeId);
      take.setLong(3, printerId);
      take.setInt(4, n);
      if (take.executeUpdate() != 1) {
        throw new IllegalStateException("feeder of printer " + printerId + " empty");
      }
      add.setLong(1, officeId);
      add.setInt(2, n);
      add.executeUpdate();
      long sent = n + 2L;
      for (PreparedStatement batch :
          List.of(movement, request, event, reservation, payload, status, sms)) {
        for (int rows : batch.executeBatch()) {
          if (rows == Statement.EXECUTE_FAILED) {
            throw new IllegalStateException("a write failed");
          }
          sent++;
        }
      }
      return sent;
    }

    private void movement(
        Timestamp now,
        String from,
        Long fromPrinter,
        String to,
        Long toPrinter,
        String reason,
        long jobId,
        Long requestId,
        String chipUid)
        throws SQLException {
      movement.setLong(1, officeId);
      movement.setString(2, from);
      movement.setObject(3, fromPrinter);
      movement.setString(4, to);
      movement.setObject(5, toPrinter);
      movement.setString(6, reason);
      movement.setTimestamp(7, now);
      movement.setLong(8, jobId);
      movement.setString(9, chipUid);
      movement.setObject(10, requestId);
      movement.addBatch();
    }

    private String uid(long requestId) {
      return String.format("04%012X", (uidSpace << 40) | requestId);
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

  /**
   * Counts the statements the application sends from now on, on every thread, at the JDBC
   * connections its context takes (statements jOOQ renders and those prepared by hand alike; a
   * batch is one); with {@code -Dcetak.bench.statements=true}, also each statement's text, printed
   * when the JVM ends.
   */
  private static LongAdder countStatements(DSLContext db) {
    LongAdder count = new LongAdder();
    Map<String, LongAdder> texts = new ConcurrentHashMap<>();
    boolean byText = Boolean.getBoolean("cetak.bench.statements");
    if (byText) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () ->
                      texts.entrySet().stream()
                          .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                          .limit(40)
                          .forEach(
                              e ->
                                  System.out.printf(
                                      "%8d  %s%n",
                                      e.getValue().sum(),
                                      e.getKey()
                                          .substring(0, Math.min(160, e.getKey().length()))))));
    }
    ConnectionProvider connections = db.configuration().connectionProvider();
    db.configuration()
        .set(
            new ConnectionProvider() {
              @Override
              public Connection acquire() {
                Connection connection = connections.acquire();
                return proxy(
                    Connection.class,
                    connection,
                    (method, args) -> {
                      Object result = method.invoke(connection, args);
                      if (result instanceof Statement statement) {
                        String sql =
                            byText && args != null && args[0] instanceof String text ? text : null;
                        @SuppressWarnings("unchecked")
                        Class<Statement> type = (Class<Statement>) method.getReturnType();
                        return proxy(
                            type,
                            statement,
                            (call, callArgs) -> {
                              if (call.getName().startsWith("execute")) {
                                count.increment();
                                String text =
                                    callArgs != null
                                            && callArgs.length > 0
                                            && callArgs[0] instanceof String t
                                        ? t
                                        : sql;
                                if (byText && text != null) {
                                  texts.computeIfAbsent(text, t -> new LongAdder()).increment();
                                }
                              }
                              return call.invoke(statement, callArgs);
                            });
                      }
                      return result;
                    });
              }

              @Override
              public void release(Connection connection) {
                connections.release(
                    Proxy.getInvocationHandler(connection) instanceof Forwarding f
                        ? (Connection) f.target()
                        : connection);
              }
            });
    return count;
  }

  /** A call forwarded to the object a JDBC proxy stands for. */
  private interface Call {
    Object invoke(Method method, Object[] args) throws Exception;
  }

  private record Forwarding(Object target, Call call) implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      try {
        return call.invoke(method, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  private static <T> T proxy(Class<T> type, T target, Call call) {
    return type.cast(
        Proxy.newProxyInstance(
            StationBench.class.getClassLoader(),
            new Class<?>[] {type},
            new Forwarding(target, call)));
  }

  private static Record stats(DSLContext db) {
    return db.fetchOne(
        "select xact_commit, tup_inserted, tup_updated from pg_stat_database"
            + " where datname = current_database()");
  }
}
