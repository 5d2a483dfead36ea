package org.cetak.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.cetak.common.Backoff;
import org.cetak.notify.jooq.JooqNoticeStore;
import org.cetak.notify.jooq.JooqSendRate;
import org.cetak.office.OfficeKind;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.office.jooq.JooqAudit;
import org.cetak.office.jooq.JooqOfficeDirectory;
import org.cetak.support.BoundConnections;
import org.cetak.support.MutableClock;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Notices wired by hand over one test database, as the application wires them, with an office in
 * Bogor (WIB) and one in Jayapura (WIT), and synthetic printed requests.
 */
final class NotifyFixture {

  private static final AtomicLong SUFFIXES = new AtomicLong(System.nanoTime() % 100000);

  /** 10:00 WIB on a Tuesday: the default window is open. */
  static final Instant TEN_WIB = Instant.parse("2026-11-24T03:00:00Z");

  final DSLContext db;
  final MutableClock clock = new MutableClock(TEN_WIB);
  final BoundConnections transactions;
  final JooqOfficeDirectory offices;
  final JooqNoticeStore store;
  final Notices notices;
  final DeliveryReports reports;
  final long bogor;
  final long jayapura;
  final User loket;
  final User kabid;
  final User operator;
  private static final AtomicLong jobs = new AtomicLong(1000);
  private static final AtomicLong niks = new AtomicLong(1);

  NotifyFixture(DataSource dataSource) {
    transactions = new BoundConnections(dataSource);
    db = DSL.using(transactions, SQLDialect.POSTGRES);
    offices = new JooqOfficeDirectory(db, clock);
    store = new JooqNoticeStore(db, clock);
    notices = new Notices(store, transactions, new JooqAudit(db, clock), clock);
    reports = new DeliveryReports(store, transactions, clock);
    // the tests of a class share a database: what an earlier test left must not be sent now
    db.execute(
        "update sms_outbox set status = 'SUPERSEDED' where status in ('PENDING', 'SENDING')");
    db.execute("update print_request set status = 'HANDED_OVER' where status = 'PRINTED'");
    // a suffix no earlier fixture on this database took (a clock's last digits repeat)
    String suffix;
    do {
      suffix = Long.toString(SUFFIXES.incrementAndGet() % 100000);
    } while (offices.officeByCode("32.71." + suffix).isPresent()
        || offices.officeByCode("91.71." + suffix).isPresent());
    bogor =
        offices
            .addOffice(
                "32.71." + suffix,
                "Disdukcapil Kota Bogor",
                OfficeKind.KABUPATEN_KOTA,
                Optional.empty(),
                "")
            .id();
    jayapura =
        offices
            .addOffice(
                "91.71." + suffix,
                "Disdukcapil Kota Jayapura",
                OfficeKind.KABUPATEN_KOTA,
                Optional.empty(),
                "")
            .id();
    store.saveSettings(
        jayapura,
        new NoticeSettings(
            ZoneId.of("Asia/Jayapura"),
            "Senin-Jumat 08.00-15.00 WIT",
            LocalTime.of(8, 0),
            LocalTime.of(20, 0),
            CollectableWhen.PRINTED,
            14),
        "test");
    // these tests are about notices once a card is collectable: Bogor releases cards at print
    // (an office checks its cards by default; NoticesTest turns the check on where it is the topic)
    store.saveSettings(
        bogor,
        new NoticeSettings(
            ZoneId.of("Asia/Jakarta"),
            NoticeSettings.DEFAULT.openingHours(),
            NoticeSettings.DEFAULT.windowStart(),
            NoticeSettings.DEFAULT.windowEnd(),
            CollectableWhen.PRINTED,
            NoticeSettings.DEFAULT.reminderAfterDays()),
        "test");
    loket = user(bogor, "loket" + suffix, Role.COUNTER_OFFICER);
    kabid = user(bogor, "kabid" + suffix, Role.SUPERVISOR);
    operator = user(bogor, "operator" + suffix, Role.OPERATOR);
  }

  private User user(long office, String name, Role role) {
    return offices.addUser(office, name, name, "{noop}x", EnumSet.of(role));
  }

  Dispatcher dispatcher(SmsGateway gateway) {
    return dispatcher(gateway, Duration.ofMinutes(30));
  }

  Dispatcher dispatcher(SmsGateway gateway, Duration reportWait) {
    return new Dispatcher(
        store,
        notices,
        gateway,
        new JooqSendRate(db, 1000),
        reports,
        transactions,
        clock,
        new Dispatcher.Settings(
            3,
            new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10)),
            reportWait,
            10,
            "test-node"));
  }

  /** A dispatcher whose process dies after the gateway answers, before the answer commits. */
  Dispatcher crashingDispatcher(SmsGateway gateway) {
    return new Dispatcher(
        new CrashingStore(store),
        notices,
        gateway,
        new JooqSendRate(db, 1000),
        reports,
        transactions,
        clock,
        new Dispatcher.Settings(
            3,
            new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10)),
            Duration.ofMinutes(30),
            10,
            "a"));
  }

  /** A synthetic resident whose card was printed now; its NIK, KK, birth date and address. */
  record Resident(
      long requestId,
      String nik,
      String kk,
      String birthDate,
      String address,
      String name,
      Optional<String> phone) {}

  Resident printed(long office, String name, Optional<String> phone) {
    long n = niks.getAndIncrement();
    String nik = String.format("3271014508%06d", n);
    String kk = String.format("3271010101%06d", n);
    String address = "Jl. Pajajaran No. " + (100 + n);
    long id =
        db.resultQuery(
                "insert into print_request (office_id, nik, kk, name, sex, birth_place, birth_date,"
                    + " address, rt, rw, village, district, regency, province, religion,"
                    + " marital_status, occupation, citizenship, siak_status, siak_status_at,"
                    + " reason, content_hash, status, status_at, source, created_at, updated_at,"
                    + " printed_at, phone) values (?, ?, ?, ?, 'P', 'Bogor', date '1990-08-05', ?,"
                    + " '001', '002', 'Baranangsiang', 'Bogor Timur', 'Kota Bogor', 'Jawa Barat',"
                    + " 'Islam', 'KAWIN', 'Karyawan', 'WNI', 'PRINT_READY_RECORD', ?::timestamptz,"
                    + " 'FIRST_CARD', 'x', 'PRINTED', ?::timestamptz, 'test', ?::timestamptz,"
                    + " ?::timestamptz, ?::timestamptz, ?) returning id",
                office,
                nik,
                kk,
                name,
                address,
                clock.instant().toString(),
                clock.instant().toString(),
                clock.instant().toString(),
                clock.instant().toString(),
                clock.instant().toString(),
                phone.orElse(null))
            .fetchOne(0, Long.class);
    return new Resident(id, nik, kk, "1990-08-05", address, name, phone);
  }

  /**
   * What the print station does for a freshly printed card of this resident (a new print job): its
   * notice, unless the office waits for the quality check.
   */
  Notice cardPrinted(long office, Resident resident) {
    long job = job(office, resident.requestId());
    if (!org.cetak.support.PrintedJobs.checksCards(db, office)) {
      notices.cardCollectable(
          new Notices.CollectableCard(
              office, resident.requestId(), job, resident.name(), resident.phone()));
    }
    return store.list(office, Optional.empty(), 1000).stream()
        .filter(n -> n.printJobId() == job)
        .findFirst()
        .orElse(null);
  }

  /** A printed card's print job for the request (a reprint's when the request has one already). */
  long job(long office, long requestId) {
    return job(db, office, requestId, jobs.getAndIncrement());
  }

  /** A print job that printed the request's card, on a printer of its own. */
  static long job(DSLContext db, long office, long requestId, long serial) {
    long printer =
        db.fetchSingle(
                "insert into printer (office_id, code, name, created_at) values (?, ?, ?, now())"
                    + " returning id",
                office,
                "PRN-N" + serial,
                "Printer " + serial)
            .get(0, Long.class);
    return db.fetchSingle(
            "insert into print_job (office_id, printer_id, request_id, stage, card_held, reprint,"
                + " created_at, updated_at) values (?, ?, ?, 'PRINTED', 'NONE', exists(select 1"
                + " from print_job where request_id = ? and stage = 'PRINTED' and not reprint),"
                + " now(), now()) returning id",
            office,
            printer,
            requestId,
            requestId)
        .get(0, Long.class);
  }

  /** A printed request of a synthetic resident, as intake and the station leave it. */
  static long request(DSLContext db, long office, long serial, String name, String phone) {
    return db.fetchSingle(
            "insert into print_request (office_id, nik, kk, name, sex, birth_place, birth_date,"
                + " address, rt, rw, village, district, regency, province, religion,"
                + " marital_status, occupation, citizenship, siak_status, siak_status_at, reason,"
                + " content_hash, status, status_at, source, created_at, updated_at, printed_at,"
                + " phone) values (?, ?, ?, ?, 'P', 'Bogor', date '1990-08-05', 'Jl. Uji 1',"
                + " '001', '002', 'Baranangsiang', 'Bogor Timur', 'Kota Bogor', 'Jawa Barat',"
                + " 'Islam', 'KAWIN', 'Karyawan', 'WNI', 'PRINT_READY_RECORD', now(),"
                + " 'FIRST_CARD', 'x', 'PRINTED', now(), 'test', now(), now(), now(), ?)"
                + " returning id",
            office,
            String.format("3271016508%06d", serial % 1_000_000),
            String.format("3271010202%06d", serial % 1_000_000),
            name,
            phone)
        .get(0, Long.class);
  }

  Notice notice(long id) {
    return store.lock(id).orElseThrow();
  }
}
