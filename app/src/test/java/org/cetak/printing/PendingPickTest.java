package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.RunTrigger;
import org.cetak.common.Transactions;
import org.cetak.notify.Outbox;
import org.cetak.office.Audit;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.OfficeKind;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.printing.device.CardPosition;
import org.cetak.printing.jooq.JooqPrintJobs;
import org.cetak.quality.CheckQueue;
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
import org.cetak.support.CetakSpringTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A job's pick of its own blank is recorded without the reservation ceiling's check: the job's
 * blank counted as held from the transaction that took its request's reservation to the pick, so an
 * allocation run in between cannot reserve it for another request, and reservations stay within the
 * blanks that can still be printed after the pick.
 */
@CetakSpringTest
class PendingPickTest {

  @Autowired AllocationService allocation;
  @Autowired DropReceipts drops;
  @Autowired PrinterRegistry registry;
  @Autowired OfficeDirectory offices;
  @Autowired Ledger ledger;
  @Autowired PrintRoomLedger movements;
  @Autowired Reprints.Store grants;
  @Autowired Audit audit;
  @Autowired RequestLifecycle requests;
  @Autowired Outbox outbox;
  @Autowired Transactions transactions;
  @Autowired Clock clock;
  @Autowired DSLContext db;

  @Test
  void an_allocation_run_between_a_jobs_start_and_its_pick_does_not_reserve_the_jobs_blank() {
    String code = "99.77." + (System.nanoTime() % 100_000);
    Office office =
        offices.addOffice(
            code, "Kantor uji ambil " + code, OfficeKind.KABUPATEN_KOTA, Optional.empty(), "");
    User manager =
        offices.addUser(
            office.id(),
            "ambil-" + code,
            "Pengelola",
            "{noop}x",
            EnumSet.of(Role.INVENTORY_MANAGER));
    Printer printer = registry.register(office.id(), "PRN-1", "Printer 1", "Primacy", manager);
    long first = (System.nanoTime() % 100_000_000L) * 100;
    drops.receive(
        office.id(),
        new DropRequest(
            "BA/AMBIL/" + code,
            LocalDate.now(clock.withZone(DailyReports.ZONE)),
            5,
            List.of(
                SerialRange.parse(
                    String.format("AMB%012d", first), String.format("AMB%012d", first + 4)))),
        manager);
    transactions.run(
        () ->
            ledger.record(
                new Movement(
                    office.id(),
                    Item.BLANK,
                    Place.of(Location.VAULT),
                    Place.feeder(printer.id()),
                    5,
                    "LOADED",
                    "test",
                    ReferenceKind.PRINTER,
                    printer.id(),
                    Movement.Detail.none())));
    for (int i = 0; i < 8; i++) {
      db.execute(
          "insert into print_request (office_id, nik, kk, name, sex, birth_place, birth_date,"
              + " address, rt, rw, village, district, regency, province, religion,"
              + " marital_status, occupation, citizenship, siak_status, siak_status_at, reason,"
              + " content_hash, status, status_at, source, created_at, updated_at, has_photo)"
              + " values (?, ?, ?, ?, 'P', 'Bogor', date '1990-08-05', 'Jl. Uji 1', '001', '002',"
              + " 'Baranangsiang', 'Bogor Timur', 'Kota Bogor', 'Jawa Barat', 'Islam', 'KAWIN',"
              + " 'Karyawan', 'WNI', 'PRINT_READY_RECORD', now() - (? * interval '1 minute'),"
              + " 'LOST', 'x', 'QUEUED', now(), 'test', now(), now(), true)",
          office.id(),
          String.format("98%04d%010d", office.id() % 10_000, i),
          String.format("98%04d%010d", office.id() % 10_000, 1000 + i),
          "Warga Uji " + i,
          8 - i);
    }
    allocation.run(office.id(), RunTrigger.ON_DEMAND, "test");
    assertThat(ceiling(office)).containsExactly(5, 5);
    db.execute(
        "update printer set owner_node = 'node-p', mode = 'RUNNING' where id = ?", printer.id());
    StepRecorder steps =
        new StepRecorder(
            new JooqPrintJobs(db, clock, "node-p"),
            movements,
            requests,
            outbox,
            CheckQueue.none(),
            grants,
            transactions,
            audit,
            clock);
    long top =
        ((Number)
                db.fetchValue(
                    "select request_id from reservation where office_id = ? and released_at is"
                        + " null order by queue_rank limit 1",
                    office.id()))
            .longValue();

    PrintJob job =
        ((StepRecorder.Started)
                steps.start(
                    new PrinterRef(printer.id(), office.id(), printer.code()),
                    top,
                    new Baseline(1000, 0, 0, CardPosition.NONE),
                    false))
            .job();
    assertThat(ceiling(office)).containsExactly(4, 5);
    // the job's blank is still in the feeder, but no longer the run's to give
    assertThat(allocation.run(office.id(), RunTrigger.ON_DEMAND, "test").granted()).isZero();

    steps.apply(
        StepTransitions.parked(
            job,
            new Verdict.Parked(1, 0),
            Optional.of(new Baseline(1001, 0, 0, CardPosition.CONTACTLESS))));
    assertThat(ceiling(office)).containsExactly(4, 4);
    assertThat(
            db.fetchValue(
                "select count(*) from print_request_event e join print_request r on r.id ="
                    + " e.request_id where r.office_id = ? and e.reason like 'reservation"
                    + " released%'",
                office.id()))
        .isEqualTo(0L);
  }

  /** Requests holding a blank, and blanks in the vault and the feeders, in one snapshot. */
  private long[] ceiling(Office office) {
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
}
