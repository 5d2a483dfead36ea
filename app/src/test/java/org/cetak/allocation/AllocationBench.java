package org.cetak.allocation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.cetak.allocation.jooq.JooqAllocationStore;
import org.cetak.allocation.jooq.JooqPolicyStore;
import org.cetak.allocation.jooq.JooqPrintQueue;
import org.cetak.common.Transactions;
import org.cetak.db.EmbeddedDatabase;
import org.cetak.db.Schema;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.ImportReport;
import org.cetak.intake.ImportService;
import org.cetak.intake.RecordFields;
import org.cetak.intake.RecordValidator;
import org.cetak.intake.jooq.JooqRequestStore;
import org.cetak.office.Office;
import org.cetak.office.OfficeKind;
import org.cetak.office.jooq.JooqAudit;
import org.cetak.office.jooq.JooqOfficeDirectory;
import org.cetak.region.RegionTable;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The allocation and import benchmarks ({@code allocation} or {@code import} as the argument), on a
 * temporary embedded PostgreSQL. They print figures; they assert nothing. Test code, run like
 * {@code StationBench} (README, Benchmarks).
 */
@Command(
    name = "bench",
    description = "Benchmarks on a temporary embedded PostgreSQL.",
    subcommands = {AllocationBench.Allocation.class, AllocationBench.Import.class})
public class AllocationBench implements Callable<Integer> {

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new picocli.CommandLine(new AllocationBench()).execute(args));
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** A migrated throw-away database with intake and allocation wired by hand. */
  static final class Bench implements AutoCloseable {
    final EmbeddedDatabase server = EmbeddedDatabase.startTemporary();
    final DataSource dataSource = server.dataSource("postgres");
    final DSLContext db =
        DSL.using(new TransactionAwareDataSourceProxy(dataSource), SQLDialect.POSTGRES);
    final Clock clock = Clock.system(ZoneId.of("Asia/Jakarta"));
    final Transactions transactions;
    final JooqOfficeDirectory offices = new JooqOfficeDirectory(db, clock);
    final Office office;
    final AtomicLong blanks = new AtomicLong();

    Bench() {
      Schema.migrate(dataSource);
      TransactionTemplate template =
          new TransactionTemplate(new DataSourceTransactionManager(dataSource));
      transactions =
          new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
              return template.execute(status -> work.get());
            }
          };
      office =
          offices.addOffice(
              "32.71", "Bench office", OfficeKind.KABUPATEN_KOTA, Optional.empty(), "");
    }

    AllocationService allocation() {
      JooqAudit audit = new JooqAudit(db, clock);
      return new AllocationService(
          new JooqAllocationStore(db, clock),
          new PolicyService(new JooqPolicyStore(db, clock), transactions, audit),
          officeId -> blanks.get(),
          officeId -> List.of(),
          officeId -> 600,
          new ForecastSettings(10_000, 14),
          transactions,
          audit,
          clock);
    }

    ImportService imports() {
      JooqAudit audit = new JooqAudit(db, clock);
      return new ImportService(
          new JooqRequestStore(db, clock),
          new RecordValidator(RegionTable.shipped(), clock),
          offices,
          transactions,
          audit,
          List.of());
    }

    @Override
    public void close() {
      server.close();
    }
  }

  @Command(
      name = "allocation",
      description = "Reserve a drop of blanks over a large queue (default 10,000 over 1,000,000).")
  static final class Allocation implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--requests", defaultValue = "1000000")
    int requests;

    @Option(names = "--blanks", defaultValue = "10000")
    int blanks;

    @Option(names = "--runs", defaultValue = "3")
    int runs;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Bench bench = new Bench()) {
        long t0 = System.nanoTime();
        bench.db.execute(QUEUE_SQL, bench.office.id(), requests);
        bench.db.execute("analyze print_request");
        out.printf(
            "queued %,d synthetic requests in %.1f s%n", requests, seconds(System.nanoTime() - t0));
        AllocationService allocation = bench.allocation();
        bench.blanks.set(blanks);
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          if (i > 0) {
            reset(bench);
          }
          long start = System.nanoTime();
          RunResult result = allocation.run(bench.office.id(), RunTrigger.DROP_RECEIVED, "bench");
          long ms = (System.nanoTime() - start) / 1_000_000;
          millis.add(ms);
          out.printf(
              "run %d: reserved %,d of %,d queued in %d ms (target <= 2000 ms)%n",
              i + 1, result.granted(), result.granted() + result.queued(), ms);
        }
        Collections.sort(millis);
        out.printf("median %d ms, best %d ms%n", millis.get(millis.size() / 2), millis.get(0));
        String nik =
            bench
                .db
                .fetchValue(
                    "select nik from print_request where status = 'QUEUED' order by id desc limit 1")
                .toString();
        long start = System.nanoTime();
        QueueExplanation why = allocation.explain(nik);
        out.printf(
            "why-not-yet for the last queued request: rank %,d, %,d blanks ahead, estimate %s,"
                + " in %d ms%n",
            why.rank(),
            why.blanksAhead(),
            why.estimate().map(Object::toString).orElse("-"),
            (System.nanoTime() - start) / 1_000_000);
        nextToPrint(bench, out);
      }
      out.flush();
      return 0;
    }

    /**
     * The print station's question, asked before every card: the next request holding a blank, in
     * print order, skipping those the printers already prepare (up to two per printer of eight).
     */
    private static void nextToPrint(Bench bench, PrintWriter out) {
      JooqPrintQueue queue =
          new JooqPrintQueue(bench.db, bench.transactions, Optional.empty(), bench.clock);
      Deque<Long> preparing = new ArrayDeque<>();
      List<Long> micros = new ArrayList<>();
      // one connection throughout, as the application's pool gives (the bench's data source opens
      // a connection per transaction)
      bench.transactions.run(() -> askRepeatedly(bench, queue, preparing, micros));
      Collections.sort(micros);
      out.printf(
          "next request to print (with its record), 500 times: median %.2f ms, p95 %.2f ms%n",
          micros.get(250) / 1000.0, micros.get(475) / 1000.0);
    }

    private static void askRepeatedly(
        Bench bench, JooqPrintQueue queue, Deque<Long> preparing, List<Long> micros) {
      for (int i = 0; i < 500; i++) {
        long start = System.nanoTime();
        long id =
            queue.nextReserved(bench.office.id(), Set.copyOf(preparing)).orElseThrow().requestId();
        micros.add((System.nanoTime() - start) / 1_000);
        preparing.addLast(id);
        if (preparing.size() > 16) {
          preparing.removeFirst();
        }
      }
    }

    private static void reset(Bench bench) {
      bench.db.execute("delete from print_request_event where to_status = 'RESERVED'");
      bench.db.execute("delete from reservation");
      bench.db.execute("update print_request set status = 'QUEUED' where status = 'RESERVED'");
      bench.db.execute("vacuum analyze print_request");
    }

    /** A queue with the mix of reasons, flags, Suket dates and PRR times a busy office sees. */
    static final String QUEUE_SQL =
        """
        insert into print_request (office_id, nik, kk, name, sex, birth_place, birth_date, address, rt, rw,
            village, district, regency, province, religion, marital_status, occupation, citizenship,
            siak_status, siak_status_at, reason, urgent_reason, vulnerable, disabled, suket_number, suket_date,
            phone, flags, has_photo, content_hash, status, status_at, source, created_at, updated_at)
        select ?, lpad((3271040000000000 + g)::text, 16, '0'), '3271040101100001', 'PENDUDUK ' || g, 'L',
            'BOGOR', date '1950-01-01' + (g * 7919 % 21900)::int, 'JL. MAWAR', '001', '002', 'PALEDANG',
            'BOGOR TENGAH', 'KOTA BOGOR', 'JAWA BARAT', 'ISLAM', 'KAWIN', 'KARYAWAN SWASTA', 'WNI',
            'PRINT_READY_RECORD', timestamptz '2025-06-01 08:00+07' + (g * 37 % 200000) * interval '1 minute',
            (array['FIRST_CARD','DATA_CHANGE','MOVED_IN','REGION_SPLIT','LOST','DAMAGED','OTHER'])[1 + (g % 7)::int],
            case when g % 41 = 0 then 'IBADAH HAJI' end, g % 29 = 0, g % 37 = 0,
            case when g % 3 = 0 then '474/' || g end,
            case when g % 3 = 0 then date '2025-01-01' + (g * 13 % 300)::int end,
            '+6281234567890', '', true, md5(g::text), 'QUEUED', now(), 'bench', now(), now()
        from generate_series(1::bigint, ?::bigint) g
        """;
  }

  @Command(name = "import", description = "Import a generated CSV bundle (default 100,000 rows).")
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--rows", defaultValue = "100000")
    int rows;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      Path dir = Files.createTempDirectory("cetak-bench-import");
      try (Bench bench = new Bench()) {
        Path csv = dir.resolve("records.csv");
        write(csv, rows);
        out.printf("generated %,d rows, %,d KB%n", rows, Files.size(csv) / 1024);
        ImportService imports = bench.imports();
        for (String pass : List.of("first import", "same file again")) {
          long start = System.nanoTime();
          ImportReport report;
          try (Bundle bundle = Bundle.open(dir)) {
            report = imports.importBundle(bundle, "32.71", "bench", ImportProgress.none());
          }
          double s = seconds(System.nanoTime() - start);
          out.printf(
              "%s: %s, %,d new, %,d unchanged, %.2f s, %,.0f rows/s (target >= 20,000)%n",
              pass,
              report.applied() ? "applied" : "REFUSED " + report.errors(),
              report.counts().created(),
              report.counts().unchanged(),
              s,
              rows / s);
        }
      } finally {
        Files.deleteIfExists(dir.resolve("records.csv"));
        Files.deleteIfExists(dir);
      }
      out.flush();
      return 0;
    }

    /** Synthetic residents of Kota Bogor: unique NIKs consistent with birth date and sex. */
    static void write(Path csv, int rows) {
      List<String> columns = RecordFields.ALL;
      String[] districts = {"327101", "327102", "327103", "327104", "327105", "327106"};
      String[] reasons = {"FIRST_CARD", "DATA_CHANGE", "MOVED_IN", "LOST", "DAMAGED", "OTHER"};
      try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
        w.write(String.join(",", columns));
        w.write('\n');
        LocalDate base = LocalDate.of(1950, 1, 1);
        for (int i = 0; i < rows; i++) {
          LocalDate birth = base.plusDays(i % 21_000);
          boolean female = (i / 21_000) % 2 == 1;
          String district = districts[(i / 42_000) % districts.length];
          int seq = 1 + i / 252_000;
          String nik =
              district
                  + String.format(
                      "%02d%02d%02d%04d",
                      birth.getDayOfMonth() + (female ? 40 : 0),
                      birth.getMonthValue(),
                      birth.getYear() % 100,
                      seq);
          String[] v = {
            nik,
            district + "0101100001",
            "PENDUDUK SINTETIS " + i,
            female ? "P" : "L",
            "BOGOR",
            birth.toString(),
            "O",
            "\"JL. MAWAR NO. " + (i % 200) + ", BLOK C\"",
            "001",
            "002",
            "PALEDANG",
            "BOGOR TENGAH",
            "KOTA BOGOR",
            "JAWA BARAT",
            "ISLAM",
            "KAWIN",
            "KARYAWAN SWASTA",
            "WNI",
            "PRINT_READY_RECORD",
            "2025-12-01T08:00:00+07:00",
            reasons[i % reasons.length],
            i % 40 == 0 ? "IBADAH HAJI" : "",
            i % 30 == 0 ? "1" : "0",
            "0",
            i % 3 == 0 ? "474/" + i : "",
            i % 3 == 0 ? "2025-10-01" : "",
            "0812" + String.format("%08d", i),
            "",
            "",
            ""
          };
          w.write(String.join(",", v));
          w.write('\n');
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
