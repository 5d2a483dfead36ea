package org.cetak.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.cetak.common.Transactions;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.OfficeKind;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.request.RequestLifecycle;
import org.cetak.stock.DailyReports;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.DropRequest;
import org.cetak.stock.Item;
import org.cetak.stock.Ledger;
import org.cetak.stock.Location;
import org.cetak.stock.Movement;
import org.cetak.stock.Place;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.stock.ReferenceKind;
import org.cetak.stock.SerialRange;
import org.cetak.stock.SpoilReason;
import org.cetak.stock.SpoilRecords;
import org.cetak.stock.SpoilRequest;
import org.cetak.support.CetakSpringTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reservations never outnumber the blanks that can still be printed (vault and feeders): spoils
 * that leave fewer blanks than reservations put the lowest-ranked reservations back in the queue in
 * their own transaction, with a history row saying why, so that {@code reserved <= usable} holds
 * after every commit, with spoils and allocation runs at the same time. Each office of this test is
 * its own, on the real database.
 */
@CetakSpringTest
class ReservationCeilingTest {

  private static final AtomicInteger OFFICES = new AtomicInteger();

  @Autowired AllocationService allocation;
  @Autowired SpoilRecords spoils;
  @Autowired DropReceipts drops;
  @Autowired PrinterRegistry registry;
  @Autowired RequestLifecycle requests;
  @Autowired OfficeDirectory offices;
  @Autowired Ledger ledger;
  @Autowired Transactions transactions;
  @Autowired Clock clock;
  @Autowired DSLContext db;

  private Office office;
  private User operator;
  private Printer printer;

  @BeforeEach
  void anOfficeOfItsOwn() {
    int n = OFFICES.incrementAndGet();
    String code = "99." + (10 + n) + "." + (System.nanoTime() % 100_000);
    office =
        offices.addOffice(
            code, "Kantor uji plafon " + code, OfficeKind.KABUPATEN_KOTA, Optional.empty(), "");
    User manager =
        offices.addUser(
            office.id(),
            "blanko-" + code,
            "Pengelola",
            "{noop}x",
            EnumSet.of(Role.INVENTORY_MANAGER));
    operator =
        offices.addUser(
            office.id(), "operator-" + code, "Operator", "{noop}x", EnumSet.of(Role.OPERATOR));
    printer = registry.register(office.id(), "PRN-1", "Printer 1", "Primacy", manager);
    long first = (System.nanoTime() % 100_000_000L) * 100;
    drops.receive(
        office.id(),
        new DropRequest(
            "BA/PLAFON/" + code,
            LocalDate.now(clock.withZone(DailyReports.ZONE)),
            60,
            List.of(
                SerialRange.parse(
                    String.format("PLF%012d", first), String.format("PLF%012d", first + 59)))),
        manager);
    transactions.run(
        () ->
            ledger.record(
                new Movement(
                    office.id(),
                    Item.BLANK,
                    Place.of(Location.VAULT),
                    Place.feeder(printer.id()),
                    60,
                    "LOADED",
                    "test",
                    ReferenceKind.PRINTER,
                    printer.id(),
                    Movement.Detail.none())));
    String[] reasons = {"FIRST_CARD", "DAMAGED", "LOST", "MOVED_IN"};
    for (int i = 0; i < 80; i++) {
      db.execute(
          "insert into print_request (office_id, nik, kk, name, sex, birth_place, birth_date,"
              + " address, rt, rw, village, district, regency, province, religion,"
              + " marital_status, occupation, citizenship, siak_status, siak_status_at, reason,"
              + " content_hash, status, status_at, source, created_at, updated_at, has_photo)"
              + " values (?, ?, ?, ?, 'P', 'Bogor', date '1990-08-05', 'Jl. Uji 1', '001', '002',"
              + " 'Baranangsiang', 'Bogor Timur', 'Kota Bogor', 'Jawa Barat', 'Islam', 'KAWIN',"
              + " 'Karyawan', 'WNI', 'PRINT_READY_RECORD', now() - (? * interval '1 minute'), ?,"
              + " 'x', 'QUEUED', now(), 'test', now(), now(), true)",
          office.id(),
          String.format("99%04d%010d", office.id() % 10_000, i),
          String.format("99%04d%010d", office.id() % 10_000, 1000 + i),
          "Warga Uji " + i,
          80 - i,
          reasons[i % reasons.length]);
    }
    allocation.run(office.id(), RunTrigger.ON_DEMAND, "test");
    assertThat(ceiling()).isEqualTo(new long[] {60, 60});
  }

  /** Reserved and usable blanks of the office, read in one statement (one snapshot). */
  private long[] ceiling() {
    org.jooq.Record r =
        db.fetchSingle(
            "select (select count(*) from print_request where office_id = ? and status in"
                + " ('RESERVED', 'FAILED_REQUEUED')),"
                + " (select coalesce(sum(quantity), 0) from stock_balance where office_id = ?"
                + " and item = 'BLANK' and location in ('VAULT', 'FEEDER'))",
            office.id(),
            office.id());
    return new long[] {r.get(0, Long.class), r.get(1, Long.class)};
  }

  private void spoilOne() {
    spoils.spoiled(
        office.id(),
        new SpoilRequest(
            printer.code(),
            false,
            1,
            SpoilReason.FACTORY_DEFECT,
            Optional.empty(),
            Optional.empty(),
            "cacat"),
        operator);
  }

  private long releasedWithNote() {
    return db.fetchCount(
        db.selectFrom("print_request_event e join print_request r on r.id = e.request_id")
            .where(
                "r.office_id = ? and e.to_status = 'QUEUED' and e.reason like"
                    + " 'reservation released: % usable blanks for % reservations%'",
                office.id()));
  }

  @Test
  void concurrent_spoils_and_allocation_runs_never_leave_more_reservations_than_blanks()
      throws Exception {
    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> work = new ArrayList<>();
    AtomicInteger checks = new AtomicInteger();
    Runnable check =
        () -> {
          long[] c = ceiling();
          checks.incrementAndGet();
          if (c[0] > c[1]) {
            violations.add("reserved " + c[0] + " > usable " + c[1]);
          }
        };
    Future<?> poller =
        pool.submit(
            () -> {
              while (running.get()) {
                check.run();
              }
              return null;
            });
    for (int t = 0; t < 6; t++) {
      work.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < 4; i++) {
                  spoilOne();
                  check.run();
                }
                return null;
              }));
    }
    work.add(
        pool.submit(
            () -> {
              start.await();
              for (int i = 0; i < 5; i++) {
                allocation.run(office.id(), RunTrigger.ON_DEMAND, "test");
                check.run();
              }
              return null;
            }));
    start.countDown();
    for (Future<?> f : work) {
      f.get(120, TimeUnit.SECONDS);
    }
    running.set(false);
    poller.get(30, TimeUnit.SECONDS);
    pool.shutdown();

    assertThat(violations).isEmpty();
    assertThat(checks.get()).isGreaterThan(30);
    assertThat(ceiling()).isEqualTo(new long[] {36, 36});
    assertThat(releasedWithNote()).isEqualTo(24);
    // the released ones are the lowest-ranked: no open reservation ranks after a released one
    assertThat(
            db.fetchValue(
                "select count(*) from reservation h join reservation r on r.office_id ="
                    + " h.office_id where h.office_id = ? and h.released_at is null and"
                    + " h.consumed_at is null and r.release_reason like 'reservation released%'"
                    + " and (h.tier, h.suket_key, h.ready_at, h.request_id) > (r.tier,"
                    + " r.suket_key, r.ready_at, r.request_id)",
                office.id()))
        .isEqualTo(0L);
  }

  @Test
  void a_card_spoiled_in_the_printer_and_requeued_puts_the_lowest_ranked_reservation_back() {
    long top =
        (Long)
            db.fetchValue(
                "select r.request_id from reservation r where r.office_id = ? and released_at is"
                    + " null order by tier, suket_key, ready_at, request_id limit 1",
                office.id());
    long lowest =
        (Long)
            db.fetchValue(
                "select r.request_id from reservation r where r.office_id = ? and released_at is"
                    + " null order by tier desc, suket_key desc, ready_at desc, request_id desc"
                    + " limit 1",
                office.id());
    assertThat(requests.startPrinting(top, false, "station:test")).isTrue();
    transactions.run(
        () ->
            ledger.record(
                new Movement(
                    office.id(),
                    Item.BLANK,
                    Place.feeder(printer.id()),
                    Place.inside(printer.id()),
                    1,
                    "PICKED",
                    "station:test",
                    ReferenceKind.PRINTER,
                    printer.id(),
                    Movement.Detail.none())));
    assertThat(ceiling()).isEqualTo(new long[] {59, 59});

    transactions.run(
        () -> {
          ledger.record(
              new Movement(
                  office.id(),
                  Item.BLANK,
                  Place.inside(printer.id()),
                  Place.of(Location.SPOILED),
                  1,
                  "PRINT_FAIL",
                  "station:test",
                  ReferenceKind.PRINTER,
                  printer.id(),
                  Movement.Detail.none()));
          requests.requeue(top, "card spoiled: PRINT_FAIL", "station:test");
        });

    assertThat(ceiling()).isEqualTo(new long[] {59, 59});
    assertThat(db.fetchValue("select status from print_request where id = ?", top))
        .isEqualTo("FAILED_REQUEUED");
    assertThat(db.fetchValue("select status from print_request where id = ?", lowest))
        .isEqualTo("QUEUED");
    assertThat(
            (String)
                db.fetchValue(
                    "select reason from print_request_event where request_id = ? order by id desc"
                        + " limit 1",
                    lowest))
        .startsWith("reservation released: 59 usable blanks for 60 reservations");
  }
}
