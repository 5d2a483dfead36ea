package org.cetak.pickup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.cetak.allocation.RunTrigger;
import org.cetak.common.Backoff;
import org.cetak.consolidation.ConsolidationService;
import org.cetak.consolidation.jooq.JooqConsolidationQueue;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.ImportReport;
import org.cetak.intake.IntakeFixture;
import org.cetak.intake.Residents;
import org.cetak.notify.Outbox;
import org.cetak.notify.jooq.JooqOutbox;
import org.cetak.office.Access;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.office.jooq.JooqAudit;
import org.cetak.office.jooq.JooqOfficeZones;
import org.cetak.pickup.jooq.JooqPickupStore;
import org.cetak.printing.jooq.JooqPrinterRegister;
import org.cetak.request.jooq.JooqPersonalDataStore;
import org.cetak.stock.DailyReports;
import org.cetak.stock.PrinterRegistry;
import org.cetak.stock.SpoilRecords;
import org.cetak.stock.StockLevels;
import org.cetak.stock.jooq.JooqLedger;

/**
 * The counter wired by hand on a test database, the way the application wires it, over intake and
 * allocation ({@link IntakeFixture}) and the stock ledger; cards are made printed as the print
 * station leaves them (status PRINTED with a chip UID, the status outbox row written).
 */
public final class CounterFixture {

  public final IntakeFixture f;
  public final JooqLedger ledger;
  public final SpoilRecords spoils;
  public final DailyReports daily;
  public final ConsolidationService consolidation;
  public final PickupService pickup;
  public final PersonalDataErasure erasure;
  public final JooqAudit audit;
  public final Access access;
  public final User loket;
  private final Outbox outbox;
  private final Path tmp;

  /** Residents are numbered across fixtures: test classes share a database between their tests. */
  private static final java.util.concurrent.atomic.AtomicInteger SEQ =
      new java.util.concurrent.atomic.AtomicInteger();

  public CounterFixture(DataSource dataSource, Path tmp, boolean fingerprintReader) {
    this.tmp = tmp;
    f = new IntakeFixture(dataSource);
    ledger = new JooqLedger(f.db, f.clock);
    access = new Access(f.offices);
    audit = new JooqAudit(f.db, f.clock);
    spoils =
        new SpoilRecords(
            ledger,
            new PrinterRegistry(
                new JooqPrinterRegister(f.db, f.clock), access, audit, f.transactions),
            access,
            f.transactions);
    daily =
        new DailyReports(
            ledger, new StockLevels(ledger, office -> 0, 1000), access, new JooqOfficeZones(f.db));
    consolidation =
        new ConsolidationService(
            new JooqConsolidationQueue(f.db),
            Optional.empty(),
            access,
            audit,
            f.transactions,
            f.clock,
            new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(30)),
            Duration.ofMinutes(5));
    pickup =
        new PickupService(
            new JooqPickupStore(f.db, f.clock),
            f.requests,
            spoils,
            new org.cetak.printing.Reprints(
                new org.cetak.printing.jooq.JooqReprintStore(f.db, f.clock),
                () -> {
                  throw new IllegalStateException("the counter proposes no reprint");
                },
                spoils,
                f.transactions),
            consolidation,
            access,
            audit,
            f.transactions,
            fingerprintReader);
    erasure =
        new PersonalDataErasure(
            new JooqPersonalDataStore(f.db), audit, f.transactions, f.clock, Duration.ofDays(30));
    outbox =
        new JooqOutbox(
            f.db,
            f.clock,
            new org.cetak.notify.Notices(
                new org.cetak.notify.jooq.JooqNoticeStore(f.db, f.clock),
                f.transactions,
                new org.cetak.office.jooq.JooqAudit(f.db, f.clock),
                f.clock));
    loket =
        f.offices
            .user("loket")
            .orElseGet(
                () ->
                    f.offices.addUser(
                        f.office.id(),
                        "loket",
                        "Petugas Loket",
                        "{noop}x",
                        EnumSet.of(Role.COUNTER_OFFICER)));
  }

  /** A queued request of a resident born on {@code birth}, for {@code reason}, with that Suket. */
  public long queued(LocalDate birth, String reason, String suket) {
    int n = SEQ.incrementAndGet();
    Map<String, String> row = Residents.row(n, birth, reason);
    row.put("suket_number", suket);
    row.put("suket_date", suket.isEmpty() ? "" : "2025-11-20");
    Path dir;
    try {
      dir = Files.createTempDirectory(tmp, "bundle");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try (Bundle bundle = Bundle.open(Residents.bundle(dir, List.of(row)))) {
      ImportReport report = f.imports.importBundle(bundle, "32.71", "loket", ImportProgress.none());
      if (!report.applied()) {
        throw new IllegalStateException("import refused: " + report.errors());
      }
    }
    return ((Number)
            f.db.fetchValue("select max(id) from print_request where nik = ?", row.get("nik")))
        .longValue();
  }

  /** A request whose card came out of a printer: reserved, printed, the status outbox written. */
  public long printed(LocalDate birth, String reason, String suket) {
    long request = queued(birth, reason, suket);
    f.blanks.set(100_000);
    f.allocation.run(f.office.id(), RunTrigger.ON_DEMAND, "test");
    if (!f.requests.startPrinting(request, false, "station:1")) {
      throw new IllegalStateException("request " + request + " was not reserved");
    }
    String uid = String.format("04%012X", request);
    org.cetak.request.RequestLifecycle.Recipient resident =
        f.requests.markPrinted(request, uid, f.clock.instant(), "station:1");
    f.transactions.run(
        () ->
            outbox.cardPrinted(
                new Outbox.PrintedCard(
                    f.office.id(),
                    request,
                    org.cetak.support.PrintedJobs.insert(f.db, f.office.id(), request),
                    resident.nik(),
                    resident.name(),
                    resident.phone(),
                    uid,
                    f.clock.instant()),
                org.cetak.support.PrintedJobs.checksCards(f.db, f.office.id())));
    return request;
  }

  public String nik(long request) {
    return (String) f.db.fetchValue("select nik from print_request where id = ?", request);
  }

  public String status(long request) {
    return (String) f.db.fetchValue("select status from print_request where id = ?", request);
  }
}
