package org.cetak.stock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.cetak.approval.ApprovalHandler;
import org.cetak.approval.Approvals;
import org.cetak.approval.jooq.JooqApprovalStore;
import org.cetak.common.Transactions;
import org.cetak.office.Access;
import org.cetak.office.Office;
import org.cetak.office.OfficeKind;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.office.jooq.JooqAudit;
import org.cetak.office.jooq.JooqOfficeDirectory;
import org.cetak.office.jooq.JooqOfficeZones;
import org.cetak.printing.jooq.JooqPrinterRegister;
import org.cetak.region.RegionTable;
import org.cetak.report.StockDocuments;
import org.cetak.stock.jooq.JooqDestructionReports;
import org.cetak.stock.jooq.JooqDrops;
import org.cetak.stock.jooq.JooqLedger;
import org.cetak.stock.jooq.JooqLoans;
import org.cetak.stock.jooq.JooqLossReports;
import org.cetak.support.BoundConnections;
import org.cetak.support.MutableClock;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The stock services wired by hand over one test database, as the application wires them: every
 * adapter shares a DSL context whose transactions are bound to the thread, so nested calls join.
 */
final class StockFixture {

  /** Every test printer's feeder holds this many blanks. */
  static final int FEEDER_CAPACITY = 100;

  final DSLContext db;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T01:00:00Z"));
  final Transactions transactions;
  final JooqOfficeDirectory offices;
  final Ledger ledger;
  final Printers printers;
  final DestructionReports reports;
  final Approvals approvals;
  final PrinterRegistry registry;
  final DropReceipts receipts;
  final DropReversals reversals;
  final FeederStock feeders;
  final SpoilRecords spoils;
  final Lending lending;
  final WriteOffs writeOffs;
  final Destructions destructions;
  final LossReports lossReports;
  final Losses losses;
  final PrintRoomMoves printRoom;
  final StockLevels levels;
  final LedgerCheck check;
  final DailyReports daily;

  /** The stock's documents as printed, with the codes' Indonesian wording of the bundles. */
  StockDocuments documents() {
    return new StockDocuments(
        offices,
        registry,
        RegionTable.shipped(),
        (kind, code) -> {
          java.util.ResourceBundle labels =
              java.util.ResourceBundle.getBundle(
                  "i18n/labels",
                  java.util.Locale.forLanguageTag("id"),
                  java.util.ResourceBundle.Control.getNoFallbackControl(
                      java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
          String key = "label." + kind + "." + code;
          return labels.containsKey(key) ? labels.getString(key) : code;
        },
        new JooqOfficeZones(db),
        clock);
  }

  final List<long[]> dropsHeard = new ArrayList<>();
  long reserved;
  private static final AtomicLong REQUESTS = new AtomicLong();

  StockFixture(DataSource dataSource) {
    BoundConnections connections = new BoundConnections(dataSource);
    db = DSL.using(connections, SQLDialect.POSTGRES);
    transactions = connections;
    offices = new JooqOfficeDirectory(db, clock);
    ledger = new JooqLedger(db, clock);
    printers = new JooqPrinterRegister(db, clock);
    reports = new JooqDestructionReports(db, clock);
    Access access = new Access(offices);
    JooqAudit audit = new JooqAudit(db, clock);
    lossReports = new JooqLossReports(db, clock);
    JooqDrops drops = new JooqDrops(db, clock);
    List<ApprovalHandler> handlers =
        List.of(
            new DropReversalApproval(ledger, drops),
            new WriteOffApproval(ledger),
            new DestructionApproval(ledger, reports),
            new LossApproval(ledger, lossReports));
    approvals =
        new Approvals(
            new JooqApprovalStore(db, clock), handlers, transactions, audit, access::covers);
    DropListener listener =
        (office, drop, quantity) -> dropsHeard.add(new long[] {office, drop, quantity});
    registry = new PrinterRegistry(printers, access, audit, transactions);
    receipts =
        new DropReceipts(
            ledger,
            drops,
            access,
            audit,
            transactions,
            () -> List.of(listener),
            DropLimits.DEFAULT,
            new JooqOfficeZones(db),
            clock);
    reversals = new DropReversals(ledger, drops, approvals, access, audit, transactions);
    feeders = new FeederStock(ledger, registry, printer -> FEEDER_CAPACITY, access, transactions);
    spoils = new SpoilRecords(ledger, registry, access, transactions);
    lending = new Lending(ledger, new JooqLoans(db, clock), access, audit, transactions);
    writeOffs = new WriteOffs(ledger, registry, approvals, access);
    destructions =
        new Destructions(reports, approvals, access, transactions, new JooqOfficeZones(db), clock);
    losses =
        new Losses(
            ledger,
            lossReports,
            registry,
            approvals,
            access,
            audit,
            transactions,
            new JooqOfficeZones(db),
            clock);
    printRoom = new PrintRoomMoves(ledger, printers, transactions);
    levels = new StockLevels(ledger, office -> reserved, 1000);
    check = new LedgerCheck(ledger);
    daily = new DailyReports(ledger, levels, access, new JooqOfficeZones(db));
  }

  /**
   * A printed request of the office, for the movements that name one: the ledger refers to real
   * requests only. Each has its own synthetic NIK.
   */
  long request(long officeId) {
    long n = REQUESTS.incrementAndGet();
    return db.fetchSingle(
            "insert into print_request (office_id, nik, kk, name, sex, birth_place, birth_date,"
                + " address, rt, rw, village, district, regency, province, religion,"
                + " marital_status, occupation, citizenship, siak_status, siak_status_at, reason,"
                + " content_hash, status, status_at, source, created_at, updated_at)"
                + " values (?, ?, '3271010101900001', 'WARGA UJI', 'L', 'BOGOR', date '1990-01-01',"
                + " 'JL. UJI 1', '001', '001', 'PALEDANG', 'BOGOR TENGAH', 'KOTA BOGOR',"
                + " 'JAWA BARAT', 'ISLAM', 'KAWIN', 'KARYAWAN', 'WNI', 'PRINT_READY_RECORD', now(),"
                + " 'FIRST_CARD', ?, 'PRINTED', now(), 'test', now(), now()) returning id",
            officeId,
            String.format("3271010101%06d", n),
            "hash-" + n)
        .get(0, Long.class);
  }

  Office office(String code, String name) {
    return offices.addOffice(code, name, OfficeKind.KABUPATEN_KOTA, Optional.empty(), "");
  }

  Office kecamatan(String code, String name, long parent) {
    return offices.addOffice(code, name, OfficeKind.KECAMATAN, Optional.of(parent), "");
  }

  User user(long officeId, String username, Role... roles) {
    EnumSet<Role> set = EnumSet.noneOf(Role.class);
    set.addAll(List.of(roles));
    return offices.addUser(officeId, username, username, "{noop}x", set);
  }

  long count(String table) {
    return db.fetchCount(DSL.table(table));
  }
}
