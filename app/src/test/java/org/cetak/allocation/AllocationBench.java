package org.cetak.allocation;

import java.io.IOException;
import java.io.PrintWriter;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.cetak.allocation.jooq.JooqAllocationStore;
import org.cetak.allocation.jooq.JooqPolicyStore;
import org.cetak.common.Transactions;
import org.cetak.db.EmbeddedDatabase;
import org.cetak.db.Schema;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.ImportReport;
import org.cetak.intake.ImportService;
import org.cetak.intake.RecordValidator;
import org.cetak.intake.jooq.JooqRequestStore;
import org.cetak.office.Office;
import org.cetak.office.OfficeKind;
import org.cetak.office.jooq.JooqAudit;
import org.cetak.office.jooq.JooqOfficeDirectory;
import org.cetak.printing.jooq.JooqPrintQueue;
import org.cetak.region.RegionTable;
import org.cetak.request.jooq.ImportedRequests;
import org.cetak.request.jooq.Reservations;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
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
    subcommands = {
      AllocationBench.Allocation.class,
      AllocationBench.Import.class,
      AllocationBench.ImportOnce.class
    })
public class AllocationBench implements Callable<Integer> {

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(
        new picocli.CommandLine(new AllocationBench())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .execute(args));
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
          new JooqAllocationStore(db, clock, new Reservations(db)),
          new PolicyService(new JooqPolicyStore(db, clock), transactions, audit),
          officeId -> blanks.get(),
          DropHistory.none(),
          officeId -> 600,
          new ForecastSettings(10_000, 14),
          transactions,
          audit,
          new org.cetak.office.jooq.JooqOfficeZones(db),
          clock);
    }

    ImportService imports() {
      JooqAudit audit = new JooqAudit(db, clock);
      return new ImportService(
          new JooqRequestStore(db, clock, new ImportedRequests(db)),
          new RecordValidator(
              RegionTable.shipped(), new org.cetak.office.jooq.JooqOfficeZones(db), clock),
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
        List<Long> appMillis = new ArrayList<>();
        List<Long> sqlMillis = new ArrayList<>();
        List<Long> appPicked = List.of();
        for (int i = 0; i < runs; i++) {
          reset(bench);
          long start = System.nanoTime();
          RunResult result = allocation.run(bench.office.id(), RunTrigger.DROP_RECEIVED, "bench");
          long ms = (System.nanoTime() - start) / 1_000_000;
          appMillis.add(ms);
          appPicked = picked(bench);
          reset(bench);
          long handStart = System.nanoTime();
          int handGranted = handWritten(bench, blanks);
          long handMs = (System.nanoTime() - handStart) / 1_000_000;
          sqlMillis.add(handMs);
          List<Long> handPicked = picked(bench);
          out.printf(
              "run %d: allocation reserved %,d of %,d queued in %d ms; hand-written statement %,d"
                  + " in %d ms; same requests in the same order: %s%n",
              i + 1,
              result.granted(),
              result.granted() + result.queued(),
              ms,
              handGranted,
              handMs,
              appPicked.equals(handPicked) ? "yes" : "NO");
        }
        reset(bench);
        out.printf("%nthe hand-written statement once more, where its time goes:%n");
        explainHandWritten(bench, blanks, out);
        reset(bench);
        out.printf("%none more run, its statements timed:%n");
        explainSlowest(
            bench, () -> allocation.run(bench.office.id(), RunTrigger.DROP_RECEIVED, "bench"), out);
        long app = median(appMillis);
        long hand = median(sqlMillis);
        out.printf("%nallocation of %,d over %,d queued (median of %d)%n", blanks, requests, runs);
        out.printf("  %-34s %8d ms   (target <= 500 ms)%n", "allocation run", app);
        out.printf("  %-34s %8d ms%n", "hand-written statement", hand);
        out.printf(
            "  %-34s %8.2f     (target <= 2)%n", "ratio", hand == 0 ? 0.0 : (double) app / hand);
        whyNotYet(bench, allocation, out);
        nextToPrint(bench, out);
      }
      out.flush();
      return 0;
    }

    /** The reserved requests in rank order. */
    private static List<Long> picked(Bench bench) {
      return bench
          .db
          .fetch(
              "select request_id from reservation where released_at is null"
                  + " order by queue_rank, request_id")
          .getValues(0, Long.class);
    }

    /**
     * The cheapest way to do the same reservation: one statement written by hand for the default
     * policy (its first-time-voter rule is outside its window until August 2028). Each tier's
     * requests, by disjoint conditions, in the eligible-queue index's order up to the blanks; the
     * tiers in turn until the blanks are given; the run, the reservations, the requests' moves and
     * their history rows as data-modifying CTEs.
     */
    private static int handWritten(Bench bench, int blanks) {
      String sql = handWrittenSql(bench, blanks);
      return bench.transactions.inTransaction(
          () -> bench.db.fetchSingle(sql).get(0, Integer.class));
    }

    /**
     * The hand-written statement under EXPLAIN ANALYZE (it runs): its writes, its triggers and its
     * total, so the note can say what the floor itself is made of.
     */
    private static void explainHandWritten(Bench bench, int blanks, PrintWriter out) {
      String sql = handWrittenSql(bench, blanks);
      List<String> plan =
          bench.transactions.inTransaction(
              () ->
                  bench
                      .db
                      .fetch("explain (analyze, buffers, format text) " + sql)
                      .getValues(0, String.class));
      for (String line : plan) {
        String step = line.strip().replaceFirst("^->\\s+", "");
        if (step.startsWith("CTE ")
            || step.startsWith("Insert on")
            || step.startsWith("Update on")
            || step.startsWith("Trigger ")
            || step.startsWith("Planning Time")
            || step.startsWith("Execution Time")
            || (step.startsWith("Limit") && line.indexOf("Limit") < 16)) {
          out.println("    " + line.strip());
        }
      }
    }

    private static String handWrittenSql(Bench bench, int blanks) {
      LocalDate elderly = LocalDate.now(bench.clock).minusYears(60);
      String eligible =
          "office_id = "
              + bench.office.id()
              + " and status = 'QUEUED' and siak_status = 'PRINT_READY_RECORD' and has_photo";
      String tier2 =
          "(urgent_reason is not null or vulnerable or birth_date <= date '"
              + elderly
              + "' or disabled)";
      String[] tiers = {
        "reason = 'FIRST_CARD'",
        "reason <> 'FIRST_CARD' and " + tier2,
        "reason in ('MOVED_IN', 'REGION_SPLIT', 'DATA_CHANGE') and not " + tier2,
        "reason = 'LOST' and not " + tier2,
        "reason = 'DAMAGED' and not " + tier2,
        "reason = 'OTHER' and not " + tier2
      };
      StringBuilder union = new StringBuilder();
      for (int t = 0; t < tiers.length; t++) {
        union
            .append(t == 0 ? "" : " union all ")
            .append("(select id, ")
            .append(t + 1)
            .append(
                " as tier, coalesce(suket_date, date '9999-12-31') as suket_key, siak_status_at"
                    + " from print_request where ")
            .append(eligible)
            .append(" and ")
            .append(tiers[t])
            .append(" order by coalesce(suket_date, date '9999-12-31'), siak_status_at, id limit ")
            .append(blanks)
            .append(")");
      }
      return HAND_WRITTEN_SQL
          .replace("{office}", Long.toString(bench.office.id()))
          .replace("{union}", union)
          .replace("{blanks}", Integer.toString(blanks))
          .replace("{elderly}", elderly.toString());
    }

    static final String HAND_WRITTEN_SQL =
        """
        with run as (
            insert into allocation_run (office_id, triggered_by, actor, policy_version, started_at)
            values ({office}, 'DROP_RECEIVED', 'bench', 0, now()) returning id),
        top as (
            select id, tier, suket_key, siak_status_at,
                   row_number() over (order by tier, suket_key, siak_status_at, id)::int as rank
            from (select * from ({union}) tiers limit {blanks}) ranked),
        reserved as (
            insert into reservation (request_id, office_id, run_id, tier, rule, queue_rank,
                policy_version, reserved_at, suket_key, ready_at)
            select top.id, {office}, run.id, tier,
                   case when r.reason = 'FIRST_CARD' then 'FIRST_CARD'
                        when r.urgent_reason is not null then 'URGENT_NEED'
                        when r.vulnerable then 'VULNERABLE'
                        when r.birth_date <= date '{elderly}' then 'ELDERLY'
                        when r.disabled then 'DISABLED'
                        when r.reason = 'OTHER' then 'ANY'
                        else r.reason end,
                   rank, 0, now(), suket_key, top.siak_status_at
            from top join print_request r on r.id = top.id, run
            returning request_id, run_id, tier, queue_rank),
        moved as (
            update print_request p set status = 'RESERVED', status_at = now(), updated_at = now()
            from top where p.id = top.id
            returning p.id),
        history as (
            insert into print_request_event (request_id, from_status, to_status, reason, actor,
                occurred_at)
            select request_id, 'QUEUED', 'RESERVED', 'reserved by allocation run ' || run_id
                || ', tier ' || tier || ', rank ' || queue_rank, 'allocation', now()
            from reserved
            returning 1)
        select (select count(*) from moved)::int + 0 * (select count(*) from history)::int
        """;

    private static void whyNotYet(Bench bench, AllocationService allocation, PrintWriter out) {
      String nik =
          bench
              .db
              .fetchValue(
                  "select nik from print_request where status = 'QUEUED' order by id desc limit 1")
              .toString();
      allocation.explain(nik);
      List<Long> micros = new ArrayList<>();
      // one connection throughout, as the application's pool gives (the bench's data source opens
      // a connection, with its password exchange, per statement outside a transaction)
      QueueExplanation why =
          bench.transactions.inTransaction(
              () -> {
                QueueExplanation last = null;
                for (int i = 0; i < 20; i++) {
                  long start = System.nanoTime();
                  last = allocation.explain(nik);
                  micros.add((System.nanoTime() - start) / 1_000);
                }
                return last;
              });
      Collections.sort(micros);
      out.printf(
          "  %-34s %8.1f ms   (target <= 20 ms; median of 20: rank %,d, %,d blanks ahead)%n",
          "why-not-yet, last queued request",
          micros.get(10) / 1000.0,
          why.rank(),
          why.blanksAhead());
      explainSlowest(bench, () -> bench.transactions.run(() -> allocation.explain(nik)), out);
    }

    /**
     * The statements one answer or run sends with their times, slowest first, and the plan
     * PostgreSQL ran the slowest with (EXPLAIN ANALYZE, BUFFERS) when it reads only: where a
     * why-not-yet answer or an allocation run spends its time.
     */
    private static void explainSlowest(Bench bench, Runnable answer, PrintWriter out) {
      List<Map.Entry<Long, org.jooq.Query>> sent = Collections.synchronizedList(new ArrayList<>());
      ThreadLocal<Long> started = new ThreadLocal<>();
      ExecuteListener timing =
          new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
              started.set(System.nanoTime());
            }

            @Override
            public void executeEnd(ExecuteContext ctx) {
              if (ctx.query() != null) {
                sent.add(Map.entry((System.nanoTime() - started.get()) / 1_000, ctx.query()));
              }
            }
          };
      DSLContext timed = bench.db.configuration().derive(timing).dsl();
      ExecuteListenerProvider[] before = bench.db.configuration().executeListenerProviders();
      bench.db.configuration().set(timed.configuration().executeListenerProviders());
      try {
        answer.run();
      } finally {
        bench.db.configuration().set(before);
      }
      List<Map.Entry<Long, org.jooq.Query>> slowest = new ArrayList<>(sent);
      slowest.sort(Map.Entry.<Long, org.jooq.Query>comparingByKey().reversed());
      out.printf("  its statements, slowest first:%n");
      for (Map.Entry<Long, org.jooq.Query> e : slowest) {
        String sql = bench.db.renderInlined(e.getValue());
        out.printf(
            "    %8.2f ms  %s%n",
            e.getKey() / 1000.0, sql.substring(0, Math.min(110, sql.length())));
      }
      // a write is not planned again: EXPLAIN ANALYZE would run it a second time
      if (!slowest.isEmpty()
          && bench.db.renderInlined(slowest.get(0).getValue()).startsWith("select")) {
        out.printf("  plan of the slowest:%n");
        for (Object line :
            bench.db.fetchValues(
                "explain (analyze, buffers) "
                    + bench.db.renderInlined(slowest.get(0).getValue()))) {
          out.printf("    %s%n", line);
        }
      }
    }

    private static long median(List<Long> values) {
      List<Long> sorted = new ArrayList<>(values);
      Collections.sort(sorted);
      return sorted.get(sorted.size() / 2);
    }

    /**
     * The print station's question, asked before every card: the next request holding a blank, in
     * print order, skipping those the printers already prepare (up to two per printer of eight).
     */
    private static void nextToPrint(Bench bench, PrintWriter out) {
      JooqPrintQueue queue = new JooqPrintQueue(bench.db, bench.transactions);
      Deque<Long> preparing = new ArrayDeque<>();
      List<Long> micros = new ArrayList<>();
      // one connection throughout, as the application's pool gives (the bench's data source opens
      // a connection per transaction)
      bench.transactions.run(() -> askRepeatedly(bench, queue, preparing, micros));
      Collections.sort(micros);
      out.printf(
          "  %-34s %8.2f ms   (500 asks; p95 %.2f ms)%n",
          "next card (request with its record)",
          micros.get(250) / 1000.0,
          micros.get(475) / 1000.0);
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
      bench.db.execute("update allocation_state set last_run_id = null");
      bench.db.execute("delete from allocation_run");
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

  @Command(
      name = "import",
      description =
          "Import a generated bundle with photos and signatures (default 100,000 rows), each run"
              + " in a fresh JVM and database, against COPY of the same rows into an unindexed"
              + " table.")
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--rows", defaultValue = "100000")
    int rows;

    @Option(names = "--runs", defaultValue = "3")
    int runs;

    @Option(
        names = "--form",
        defaultValue = "ZIP",
        description =
            "zip (one file, as offices send it) or directory (unpacked; its rows' files with the"
                + " same picture are hard links to one file, so a million rows fit on the disk)")
    BundleForm form;

    @Option(
        names = "--without-copy",
        description = "skip the COPY baseline (it needs as much disk again as the import)")
    boolean withoutCopy;

    @Option(
        names = "--jvm",
        description = "options of the importing JVM (default: none, as ./cetak import)")
    List<String> jvm = new ArrayList<>();

    @Option(
        names = "--counted",
        description =
            "count the office's queue before the import, as the first why-not-yet answer does, so"
                + " that the queue-count triggers (V192) place every imported row")
    boolean counted;

    @Override
    public Integer call() throws IOException, InterruptedException {
      PrintWriter out = spec.commandLine().getOut();
      Path dir = Files.createTempDirectory("cetak-bench-import");
      Path bundle = dir.resolve(form == BundleForm.ZIP ? "bundle.zip" : "bundle");
      try {
        long t0 = System.nanoTime();
        Synthetic.Sizes sizes =
            form == BundleForm.ZIP
                ? Synthetic.writeZip(bundle, rows)
                : Synthetic.writeDirectory(bundle, rows);
        out.printf(
            "generated %s: %,d rows, photo %,d-%,d bytes (mean %,d), signature mean %,d bytes,"
                + " %,d MB of records and payloads in %.0f s%n",
            bundle.getFileName(),
            rows,
            sizes.photoMin(),
            sizes.photoMax(),
            sizes.photoMean(),
            sizes.signatureMean(),
            form == BundleForm.ZIP
                ? Files.size(bundle) / (1024 * 1024)
                : (Files.size(bundle.resolve("records.csv"))
                        + (long) rows * (sizes.photoMean() + sizes.signatureMean()))
                    / (1024 * 1024),
            seconds(System.nanoTime() - t0));
        out.flush();
        List<String[]> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          String load = Files.readString(Path.of("/proc/loadavg")).trim();
          List<String> command = new ArrayList<>();
          command.add(ProcessHandle.current().info().command().orElse("java"));
          command.addAll(jvm);
          command.addAll(
              List.of(
                  "-cp",
                  System.getProperty("java.class.path"),
                  AllocationBench.class.getName(),
                  "import-once",
                  bundle.toString(),
                  Integer.toString(rows),
                  Boolean.toString(counted),
                  Boolean.toString(!withoutCopy)));
          Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
          String result = null;
          try (var lines =
              new java.io.BufferedReader(
                  new java.io.InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
              if (line.startsWith("RESULT ")) {
                result = line.substring(7);
              } else if (line.startsWith("REFUSED") || line.contains("Exception")) {
                out.println("  " + line);
              }
            }
          }
          if (child.waitFor() != 0 || result == null) {
            out.printf("run %d failed (exit %d)%n", i + 1, child.exitValue());
            return 1;
          }
          String[] f = result.split(" ");
          results.add(f);
          out.printf(
              "run %d (load %s): import %s s, %s rows/s; COPY %s s, %s rows/s; ratio %s;"
                  + " importing JVM peak RSS %s MB, live heap peak %s MB; zip scanned in %s s"
                  + " writing %s MB of temporary disk, closed in %s s (both part of the import)%n",
              i + 1, load, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]);
          out.flush();
        }
        out.printf("%nimport of %,d rows with photos and signatures, %s%n", rows, form.label);
        out.printf("  %-36s %s%n", "import rows/s", column(results, 1));
        out.printf("  %-36s %s%n", "COPY rows/s (unindexed)", column(results, 3));
        out.printf("  %-36s %s   (target <= 3)%n", "ratio import/COPY time", column(results, 4));
        out.printf("  %-36s %s%n", "peak RSS of the import, MB", column(results, 5));
        out.printf("  %-36s %s%n", "live heap peak (after a GC), MB", column(results, 6));
        out.printf("  %-36s %s%n", "zip scanned (opened) in, s", column(results, 7));
        out.printf("  %-36s %s%n", "temporary disk of the opened zip, MB", column(results, 8));
        out.printf("  %-36s %s%n", "zip closed (temporary deleted) in, s", column(results, 9));
      } finally {
        deleteTree(dir);
      }
      out.flush();
      return 0;
    }

    private static void deleteTree(Path dir) throws IOException {
      try (var paths = Files.walk(dir)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }

    private static String column(List<String[]> results, int index) {
      return String.join(
          " | ", results.stream().map(r -> String.format("%10s", r[index])).toList());
    }
  }

  /** How the import bench hands its bundle over. */
  enum BundleForm {
    ZIP("a zip bundle"),
    DIRECTORY("a directory bundle");

    final String label;

    BundleForm(String label) {
      this.label = label;
    }
  }

  /**
   * One measured import in this JVM (started by {@code import}): the bundle through {@link
   * Bundle#open} and {@link ImportService#importBundle} as {@code ./cetak import} does, the JVM's
   * peak resident memory and largest heap left after a garbage collection, then COPY of the same
   * rows into an unindexed table.
   */
  @Command(name = "import-once", hidden = true)
  static final class ImportOnce implements Callable<Integer> {
    @picocli.CommandLine.Parameters(index = "0")
    Path path;

    @picocli.CommandLine.Parameters(index = "1")
    int rows;

    @picocli.CommandLine.Parameters(index = "2")
    boolean counted;

    @picocli.CommandLine.Parameters(index = "3")
    boolean copy;

    @Override
    public Integer call() throws Exception {
      LiveHeap live = LiveHeap.watch();
      try (Bench bench = new Bench()) {
        ImportService imports = bench.imports();
        if (counted) {
          long officeId = bench.office.id();
          JooqAllocationStore store =
              new JooqAllocationStore(bench.db, bench.clock, new Reservations(bench.db));
          PriorityPolicy policy =
              new PolicyService(
                      new JooqPolicyStore(bench.db, bench.clock),
                      bench.transactions,
                      new JooqAudit(bench.db, bench.clock))
                  .current(officeId);
          LocalDate today =
              LocalDate.now(
                  bench.clock.withZone(
                      new org.cetak.office.jooq.JooqOfficeZones(bench.db).of(officeId)));
          bench.transactions.run(
              () -> {
                store.countQueue(officeId);
                store.recount(officeId, policy, today);
              });
        }
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> openedBefore = opened(temporary);
        long start = System.nanoTime();
        ImportReport report;
        double openSeconds;
        long temporaryBytes;
        double closeSeconds;
        Bundle bundle = Bundle.open(path);
        try {
          openSeconds = seconds(System.nanoTime() - start);
          temporaryBytes = 0;
          for (Path dir : opened(temporary)) {
            if (!openedBefore.contains(dir)) {
              temporaryBytes += treeSize(dir);
            }
          }
          report = imports.importBundle(bundle, "32.71", "bench", ImportProgress.none());
        } finally {
          long closing = System.nanoTime();
          bundle.close();
          closeSeconds = seconds(System.nanoTime() - closing);
        }
        double importSeconds = seconds(System.nanoTime() - start);
        long hwmKb = peakResidentKb();
        long livePeak = live.peak();
        if (!report.applied() || report.counts().created() != rows) {
          System.out.println("REFUSED or incomplete: " + report.counts() + " " + report.errors());
          return 1;
        }
        long payloads =
            bench
                .db
                .fetchSingle("select count(*) from request_payload where photo is not null")
                .get(0, Long.class);
        if (payloads != rows) {
          System.out.println("REFUSED: " + payloads + " photos stored of " + rows);
          return 1;
        }
        System.out.printf("RESULT %.1f %,.0f ", importSeconds, rows / importSeconds);
        if (copy) {
          double copySeconds = Synthetic.copyBare(bench, rows);
          System.out.printf(
              "%.1f %,.0f %.2f ", copySeconds, rows / copySeconds, importSeconds / copySeconds);
        } else {
          System.out.print("- - - ");
        }
        System.out.printf(
            "%,d %,d %.1f %,d %.1f%n",
            hwmKb / 1024,
            livePeak >> 20,
            openSeconds,
            temporaryBytes / (1024 * 1024),
            closeSeconds);
      }
      return 0;
    }

    /**
     * The temporary directories of opened zip bundles (Bundle's prefix) under {@code temporary}.
     */
    private static List<Path> opened(Path temporary) throws IOException {
      try (var paths = Files.list(temporary)) {
        return paths.filter(p -> p.getFileName().toString().startsWith("cetak-bundle-")).toList();
      }
    }

    private static long treeSize(Path dir) throws IOException {
      try (var paths = Files.walk(dir)) {
        return paths.filter(Files::isRegularFile).mapToLong(ImportOnce::size).sum();
      }
    }

    private static long size(Path file) {
      try {
        return Files.size(file);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private static long peakResidentKb() throws IOException {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
      return -1;
    }
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
