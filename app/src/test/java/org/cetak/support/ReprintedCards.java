package org.cetak.support;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.cetak.approval.Approval;
import org.cetak.approval.Approvals;
import org.cetak.common.Transactions;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.Reprints;
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
import org.jooq.DSLContext;
import org.springframework.context.ApplicationContext;

/**
 * A first card reprinted under a supervisor's approval, as the print room leaves it, for the
 * counter's tests: two blanks of a drop of their own go through a printer of their own into the
 * printed cards (the first card and its reprint), the reprint's grant is used by the second job,
 * and the first card's outcome awaits entry.
 */
public final class ReprintedCards {

  private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() % 1_000_000);

  private ReprintedCards() {}

  /** A reprinted first card (reason FIRST_CARD) of the office; its request id. */
  public static Reprinted make(ApplicationContext spring, long officeId) {
    DSLContext db = spring.getBean(DSLContext.class);
    OfficeDirectory offices = spring.getBean(OfficeDirectory.class);
    Transactions transactions = spring.getBean(Transactions.class);
    Ledger ledger = spring.getBean(Ledger.class);
    RequestLifecycle requests = spring.getBean(RequestLifecycle.class);
    Clock clock = spring.getBean(Clock.class);
    User blanko = offices.user("blanko").orElseThrow();
    long serial = SERIALS.getAndAdd(2) * 10 + 5;
    String code = "PRN-RC-" + serial;
    Printer printer =
        spring
            .getBean(PrinterRegistry.class)
            .register(officeId, code, "Printer " + code, "Primacy", TestUsers.everyRole(offices));
    spring
        .getBean(DropReceipts.class)
        .receive(
            officeId,
            new DropRequest(
                "BA/RC/" + code,
                LocalDate.now(clock.withZone(DailyReports.ZONE)),
                2,
                List.of(
                    SerialRange.parse(
                        String.format("RPC%010d", serial), String.format("RPC%010d", serial + 1)))),
            blanko);
    long request =
        ((Number)
                db.fetchValue(
                    "select min(r.id) from print_request r where r.status = 'RESERVED'"
                        + " and r.office_id = ? and r.reason = 'FIRST_CARD'"
                        + " and r.birth_date is not null"
                        + " and not exists (select 1 from print_job j where j.request_id = r.id)",
                    officeId))
            .longValue();
    String firstUid = String.format("04%012X", 0xD1000000L + request);
    String secondUid = String.format("04%012X", 0xD2000000L + request);
    transactions.run(
        () -> {
          move(ledger, officeId, Place.of(Location.VAULT), Place.feeder(printer.id()), 2, printer);
          print(db, ledger, requests, clock, officeId, printer, request, firstUid, false);
        });
    Reprints reprints = spring.getBean(Reprints.class);
    Approval asked =
        reprints.propose(
            officeId, request, "kartu rusak sebelum diambil", offices.user("operator").get());
    spring.getBean(Approvals.class).approve(asked.id(), offices.user("kabid").get(), "setuju");
    transactions.run(
        () -> print(db, ledger, requests, clock, officeId, printer, request, secondUid, true));
    return new Reprinted(request, firstUid, secondUid);
  }

  /** The reprinted request and the chip UIDs of its two cards. */
  public record Reprinted(long requestId, String firstUid, String secondUid) {}

  private static void print(
      DSLContext db,
      Ledger ledger,
      RequestLifecycle requests,
      Clock clock,
      long officeId,
      Printer printer,
      long request,
      String uid,
      boolean reprint) {
    requests.markPrinting(request, "station:test");
    long job =
        db.fetchSingle(
                "insert into print_job (office_id, printer_id, request_id, stage, card_held,"
                    + " chip_uid, reprint, created_at, updated_at, finished_at) values (?, ?, ?,"
                    + " 'PRINTED', 'NONE', ?, ?, now(), now(), now()) returning id",
                officeId,
                printer.id(),
                request,
                uid,
                reprint)
            .get(0, Long.class);
    if (reprint) {
      db.execute(
          "update reprint_grant set used_by_job = ? where request_id = ? and used_by_job is null",
          job,
          request);
    }
    move(ledger, officeId, Place.feeder(printer.id()), Place.inside(printer.id()), 1, printer);
    move(ledger, officeId, Place.inside(printer.id()), Place.of(Location.PRINTED), 1, printer);
    requests.markPrinted(request, uid, clock.instant(), "station:test");
  }

  private static void move(
      Ledger ledger, long officeId, Place from, Place to, int quantity, Printer printer) {
    ledger.record(
        new Movement(
            officeId,
            Item.BLANK,
            from,
            to,
            quantity,
            "TEST",
            "test",
            ReferenceKind.PRINTER,
            printer.id(),
            Movement.Detail.none()));
  }
}
