package org.cetak.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.DropHistory;
import org.cetak.allocation.ForecastSettings;
import org.cetak.allocation.PolicyService;
import org.cetak.allocation.jooq.JooqAllocationStore;
import org.cetak.allocation.jooq.JooqPolicyStore;
import org.cetak.common.Transactions;
import org.cetak.office.Office;
import org.cetak.office.OfficeKind;
import org.cetak.office.jooq.JooqAudit;
import org.cetak.office.jooq.JooqOfficeDirectory;
import org.cetak.printing.jooq.JooqPrintQueue;
import org.cetak.region.RegionTable;
import org.cetak.request.jooq.ImportedRequests;
import org.cetak.request.jooq.JooqRequestLifecycle;
import org.cetak.request.jooq.Reservations;
import org.cetak.support.MutableClock;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake and allocation wired by hand on a test database, the way the application wires them, with
 * a clock the test moves and a blank supply the test sets.
 */
public final class IntakeFixture {

  public static final RegionTable REGIONS = RegionTable.shipped();

  public final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T01:00:00Z"));
  public final DataSource dataSource;
  public final DSLContext db;
  public final Transactions transactions;
  public final JooqOfficeDirectory offices;
  public final Office office;
  public final ImportService imports;
  public final AtomicLong blanks = new AtomicLong();
  public final PolicyService policies;
  public final AllocationService allocation;
  public final JooqPrintQueue queue;
  public final JooqRequestLifecycle requests;
  public final List<DropHistory.Drop> drops = new ArrayList<>();

  public IntakeFixture(DataSource dataSource) {
    this.dataSource = dataSource;
    this.db = DSL.using(new TransactionAwareDataSourceProxy(dataSource), SQLDialect.POSTGRES);
    TransactionTemplate template =
        new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.transactions =
        new Transactions() {
          @Override
          public <T> T inTransaction(Supplier<T> work) {
            return template.execute(status -> work.get());
          }
        };
    this.offices = new JooqOfficeDirectory(db, clock);
    this.office =
        offices
            .officeByCode("32.71")
            .orElseGet(
                () ->
                    offices.addOffice(
                        "32.71",
                        "Disdukcapil Kota Bogor",
                        OfficeKind.KABUPATEN_KOTA,
                        Optional.empty(),
                        ""));
    this.requests = new JooqRequestLifecycle(db, transactions, clock);
    JooqAudit audit = new JooqAudit(db, clock);
    this.imports =
        new ImportService(
            new org.cetak.intake.jooq.JooqRequestStore(db, clock, new ImportedRequests(db)),
            new RecordValidator(REGIONS, new org.cetak.office.jooq.JooqOfficeZones(db), clock),
            offices,
            transactions,
            audit,
            List.of());
    this.policies = new PolicyService(new JooqPolicyStore(db, clock), transactions, audit);
    this.allocation =
        new AllocationService(
            new JooqAllocationStore(db, clock, new Reservations(db)),
            policies,
            officeId -> blanks.get(),
            (officeId, zone) -> List.copyOf(drops),
            officeId -> 200,
            new ForecastSettings(1000, 14),
            transactions,
            audit,
            new org.cetak.office.jooq.JooqOfficeZones(db),
            clock);
    this.queue = new JooqPrintQueue(db, transactions);
  }

  /** A new office of a regency or city whose day is that of {@code zone} (an IANA zone id). */
  public Office officeInZone(String code, String name, String zone) {
    Office office = offices.addOffice(code, name, OfficeKind.KABUPATEN_KOTA, Optional.empty(), "");
    db.execute("update office set time_zone = ? where id = ?", zone, office.id());
    return office;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  public long count(String table) {
    return db.fetchCount(DSL.table(DSL.name(table)));
  }

  public String status(String nik) {
    return db.select(DSL.field(DSL.name("status"), String.class))
        .from(DSL.table(DSL.name("print_request")))
        .where(DSL.field(DSL.name("nik"), String.class).eq(nik))
        .orderBy(DSL.field(DSL.name("id")).desc())
        .limit(1)
        .fetchSingle(0, String.class);
  }
}
