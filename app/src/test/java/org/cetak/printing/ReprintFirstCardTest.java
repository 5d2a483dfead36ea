package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.cetak.approval.Approval;
import org.cetak.approval.Approvals;
import org.cetak.common.DomainException;
import org.cetak.common.Transactions;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.pickup.Handover;
import org.cetak.pickup.HandoverForm;
import org.cetak.pickup.OldCard;
import org.cetak.pickup.PickupService;
import org.cetak.pickup.Recipient;
import org.cetak.printing.device.CardPosition;
import org.cetak.request.RequestLifecycle;
import org.cetak.stock.DailyReports;
import org.cetak.stock.DestructionLine;
import org.cetak.stock.DestructionProposal;
import org.cetak.stock.DestructionReport;
import org.cetak.stock.Destructions;
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
import org.cetak.stock.StockError;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reprint accounts for the first card, end to end on the real database: a card printed from a
 * blank of a drop, a reprint an operator asks for and a supervisor approves, the reprint printed
 * from a second blank, and the counter that may hand the reprint over only once the first card's
 * outcome is entered: back in the office it is spoiled with reason REPRINT naming its chip UID (or
 * its serial) and can be listed on a destruction report; lost, it is LOST with the police report
 * number. Bad input changes nothing.
 */
@CetakSpringTest
class ReprintFirstCardTest {

  private static final Baseline BEFORE = new Baseline(5000, 0, 0, CardPosition.NONE);
  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis() % 1_000_000);

  @Autowired Reprints reprints;
  @Autowired Approvals approvals;
  @Autowired StepRecorder steps;
  @Autowired RequestLifecycle requests;
  @Autowired PickupService pickup;
  @Autowired Destructions destructions;
  @Autowired DropReceipts drops;
  @Autowired Ledger ledger;
  @Autowired OfficeDirectory offices;
  @Autowired PrinterRegistry registry;
  @Autowired Transactions transactions;
  @Autowired Clock clock;
  @Autowired DSLContext db;

  private static int printers;

  private User operator;
  private User supervisor;
  private User loket;
  private User blanko;
  private User auditor;
  private PrinterRef printer;
  private long office;
  private long request;
  private String firstUid;

  @BeforeEach
  void aCardPrintedFromABlankOfADrop() {
    operator = offices.user("operator").orElseThrow();
    supervisor = offices.user("kabid").orElseThrow();
    loket = offices.user("loket").orElseThrow();
    blanko = offices.user("blanko").orElseThrow();
    auditor = offices.user("inspektorat").orElseThrow();
    User admin = TestUsers.everyRole(offices);
    office = admin.officeId();
    printers++;
    String code = "PRN-FIRST-" + printers;
    Printer registered = registry.register(office, code, "Printer " + code, "Primacy", admin);
    printer = new PrinterRef(registered.id(), office, code);
    db.execute("update printer set owner_node = null, mode = 'RUNNING' where id = ?", printer.id());
    long first = SERIALS.getAndAdd(2) * 10;
    drops.receive(
        office,
        new DropRequest(
            "BA/REPRINT/" + code + "/" + first,
            LocalDate.now(clock.withZone(DailyReports.ZONE)),
            2,
            List.of(
                SerialRange.parse(
                    String.format("RPT%010d", first), String.format("RPT%010d", first + 1)))),
        blanko);
    move(Place.of(Location.VAULT), Place.feeder(printer.id()), 2, ReferenceKind.PRINTER, 0);
    request =
        ((Number)
                db.fetchValue(
                    "select min(r.id) from print_request r where r.status = 'RESERVED'"
                        + " and r.office_id = ? and r.reason = 'FIRST_CARD'"
                        + " and not exists (select 1 from print_job j where j.request_id = r.id)",
                    office))
            .longValue();
    firstUid = String.format("04%012X", 0xF1000000L + request);
    printCard(firstUid);
  }

  /** One blank of the printer's feeder goes through the printer onto the printed cards. */
  private void printCard(String uid) {
    long job =
        db.fetchSingle(
                "insert into print_job (office_id, printer_id, request_id, stage, card_held,"
                    + " chip_uid, reprint, created_at, updated_at, finished_at) values (?, ?, ?,"
                    + " 'PRINTED', 'NONE', ?, exists(select 1 from print_job where request_id = ?"
                    + " and stage = 'PRINTED' and not reprint), now(), now(), now()) returning id",
                office,
                printer.id(),
                request,
                uid,
                request)
            .get(0, Long.class);
    transactions.run(
        () -> {
          if (!"PRINTING".equals(status())) {
            requests.markPrinting(request, "test");
          }
          move(
              Place.feeder(printer.id()),
              Place.inside(printer.id()),
              1,
              ReferenceKind.PRINT_JOB,
              job);
          move(
              Place.inside(printer.id()),
              Place.of(Location.PRINTED),
              1,
              ReferenceKind.PRINT_JOB,
              job);
          requests.markPrinted(request, uid, Instant.now(clock), "test");
        });
  }

  private void move(Place from, Place to, int quantity, ReferenceKind kind, long reference) {
    transactions.run(
        () ->
            ledger.record(
                new Movement(
                    office,
                    Item.BLANK,
                    from,
                    to,
                    quantity,
                    "TEST",
                    "test",
                    kind,
                    reference == 0 ? printer.id() : reference,
                    Movement.Detail.none())));
  }

  private Approval grantedReprint() {
    Approval asked = reprints.propose(office, request, "kartu rusak sebelum diambil", operator);
    return approvals.approve(asked.id(), supervisor, "disetujui");
  }

  private void reprinted() {
    StepRecorder.Start start = steps.start(printer, request, BEFORE, true);
    assertThat(start).isInstanceOf(StepRecorder.Started.class);
    db.execute(
        "update print_job set stage = 'PRINTED', card_held = 'NONE' where id = ?",
        ((StepRecorder.Started) start).job().id());
    transactions.run(
        () -> {
          move(
              Place.feeder(printer.id()),
              Place.inside(printer.id()),
              1,
              ReferenceKind.PRINT_JOB,
              ((StepRecorder.Started) start).job().id());
          move(
              Place.inside(printer.id()),
              Place.of(Location.PRINTED),
              1,
              ReferenceKind.PRINT_JOB,
              ((StepRecorder.Started) start).job().id());
          requests.markPrinted(request, secondUid(), Instant.now(clock), "test");
        });
  }

  private String secondUid() {
    return String.format("04%012X", 0xF2000000L + request);
  }

  private static HandoverForm inPerson(Optional<FirstCard> firstCard) {
    return new HandoverForm(
        true,
        true,
        Optional.empty(),
        Recipient.RESIDENT,
        Optional.empty(),
        Optional.empty(),
        OldCard.NONE,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        firstCard);
  }

  private static FirstCard spoiled(String uid, String serial) {
    return new FirstCard(
        FirstCard.Outcome.SPOILED,
        Optional.ofNullable(uid),
        Optional.ofNullable(serial),
        Optional.empty());
  }

  private static FirstCard lost(String policeReport) {
    return new FirstCard(
        FirstCard.Outcome.LOST,
        Optional.empty(),
        Optional.empty(),
        Optional.ofNullable(policeReport));
  }

  private String status() {
    return (String) db.fetchValue("select status from print_request where id = ?", request);
  }

  private long blanks(Location location) {
    return ledger.balance(office, Item.BLANK, Place.of(location));
  }

  /** What a refused entry must leave as it was. */
  private Map<String, Object> state() {
    return Map.of(
        "status",
        status(),
        "movements",
        db.fetchValue("select count(*) from stock_movement where office_id = ?", office),
        "outcome",
        Optional.ofNullable(
            db.fetchValue(
                "select string_agg(coalesce(first_card_outcome, '-'), ',' order by id)"
                    + " from reprint_grant where request_id = ?",
                request)),
        "handovers",
        db.fetchValue("select count(*) from handover where request_id = ?", request),
        "printed",
        blanks(Location.PRINTED),
        "spoiled",
        blanks(Location.SPOILED),
        "lost",
        blanks(Location.LOST));
  }

  private static DomainException refusal(Runnable action) {
    try {
      action.run();
    } catch (DomainException e) {
      return e;
    }
    throw new AssertionError("not refused");
  }

  @Test
  void the_reprint_is_handed_over_only_once_the_first_card_is_spoiled_and_it_can_be_destroyed() {
    grantedReprint();
    assertThat(
            db.fetchValue("select first_card_uid from reprint_grant where request_id = ?", request))
        .isEqualTo(firstUid);
    reprinted();
    Map<String, Object> before = state();

    DomainException refused =
        refusal(() -> pickup.handOver(office, request, inPerson(Optional.empty()), loket));

    assertThat(refused.error()).isEqualTo(PrintingError.FIRST_CARD_OUTCOME_REQUIRED);
    assertThat(state()).isEqualTo(before);

    long printed = blanks(Location.PRINTED);
    long spoiledPile = blanks(Location.SPOILED);
    reprints.recordFirstCard(office, request, spoiled(firstUid, null), operator);

    assertThat(blanks(Location.PRINTED)).isEqualTo(printed - 1);
    assertThat(blanks(Location.SPOILED)).isEqualTo(spoiledPile + 1);
    assertThat(
            db.fetch(
                    "select m.from_location, m.to_location, m.reason, m.chip_uid, m.request_id,"
                        + " m.reference_kind from stock_movement m join reprint_grant g"
                        + " on g.first_card_movement_id = m.id where g.request_id = ?",
                    request)
                .intoMaps())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m).containsEntry("from_location", "PRINTED");
              assertThat(m).containsEntry("to_location", "SPOILED");
              assertThat(m).containsEntry("reason", "REPRINT");
              assertThat(m).containsEntry("chip_uid", firstUid);
              assertThat(m).containsEntry("request_id", request);
              assertThat(m).containsEntry("reference_kind", "APPROVAL");
            });

    Handover handover = pickup.handOver(office, request, inPerson(Optional.empty()), loket);
    assertThat(handover.cardUid()).isEqualTo(secondUid());
    assertThat(status()).isEqualTo("HANDED_OVER");

    DestructionReport report =
        destructions.propose(
            office,
            new DestructionProposal(
                LocalDate.now(clock.withZone(DailyReports.ZONE)),
                "Halaman kantor",
                List.of("Saksi Satu", "Saksi Dua"),
                List.of(DestructionLine.chip(Item.BLANK, firstUid))),
            blanko);
    assertThat(report.cards())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.chipUid()).contains(firstUid);
              assertThat(c.reason()).isEqualTo("REPRINT");
              assertThat(c.requestId()).contains(request);
            });
  }

  @Test
  void a_lost_first_card_needs_the_police_report_and_is_recorded_lost_with_the_handover() {
    grantedReprint();
    reprinted();
    Map<String, Object> before = state();

    DomainException noReport =
        refusal(() -> pickup.handOver(office, request, inPerson(Optional.of(lost(" "))), loket));

    assertThat(noReport.error()).isEqualTo(PrintingError.FIRST_CARD_POLICE_REPORT_REQUIRED);
    assertThat(state()).isEqualTo(before);

    long printed = blanks(Location.PRINTED);
    long lostBlanks = blanks(Location.LOST);
    long spoiledPile = blanks(Location.SPOILED);
    pickup.handOver(
        office, request, inPerson(Optional.of(lost("LP/B/123/XI/2026/Polresta"))), loket);

    assertThat(status()).isEqualTo("HANDED_OVER");
    assertThat(blanks(Location.PRINTED)).isEqualTo(printed - 1);
    assertThat(blanks(Location.LOST)).isEqualTo(lostBlanks + 1);
    assertThat(blanks(Location.SPOILED)).isEqualTo(spoiledPile);
    assertThat(
            db.fetch(
                    "select first_card_outcome, police_report_no, first_card_by from reprint_grant"
                        + " where request_id = ?",
                    request)
                .intoMaps())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g).containsEntry("first_card_outcome", "LOST");
              assertThat(g).containsEntry("police_report_no", "LP/B/123/XI/2026/Polresta");
              assertThat(g).containsEntry("first_card_by", "loket");
            });
  }

  @Test
  void a_chip_that_is_not_the_first_card_or_no_chip_at_all_is_refused_and_changes_nothing() {
    grantedReprint();
    reprinted();
    Map<String, Object> before = state();

    assertThat(
            refusal(
                    () ->
                        reprints.recordFirstCard(
                            office, request, spoiled("04FFFFFFFFFFFF", null), operator))
                .error())
        .isEqualTo(PrintingError.FIRST_CARD_UID_MISMATCH);
    assertThat(
            refusal(
                    () ->
                        reprints.recordFirstCard(
                            office, request, spoiled("not a uid", null), operator))
                .error())
        .isEqualTo(StockError.INVALID_CHIP_UID);
    assertThat(
            refusal(
                    () ->
                        pickup.handOver(
                            office,
                            request,
                            inPerson(Optional.of(spoiled(secondUid(), null))),
                            loket))
                .error())
        .isEqualTo(PrintingError.FIRST_CARD_UID_MISMATCH);
    assertThat(
            refusal(
                    () ->
                        reprints.recordFirstCard(
                            office,
                            request,
                            new FirstCard(
                                null, Optional.empty(), Optional.empty(), Optional.empty()),
                            operator))
                .error())
        .isEqualTo(PrintingError.FIRST_CARD_OUTCOME_MISSING);
    assertThat(
            refusal(
                    () ->
                        reprints.recordFirstCard(office, request, spoiled(firstUid, null), auditor))
                .kind())
        .isEqualTo(org.cetak.common.ErrorCode.Kind.FORBIDDEN);
    assertThat(state()).isEqualTo(before);

    reprints.recordFirstCard(office, request, spoiled(firstUid, null), loket);
    assertThat(
            refusal(() -> reprints.recordFirstCard(office, request, spoiled(firstUid, null), loket))
                .error())
        .isEqualTo(PrintingError.NO_FIRST_CARD_AWAITED);
  }

  @Test
  void a_first_card_printed_without_a_chip_uid_is_named_by_its_serial() {
    db.execute("update print_request set card_uid = null where id = ?", request);
    grantedReprint();
    reprinted();
    Map<String, Object> before = state();

    assertThat(
            refusal(() -> reprints.recordFirstCard(office, request, spoiled(null, null), operator))
                .error())
        .isEqualTo(PrintingError.FIRST_CARD_SERIAL_REQUIRED);
    assertThat(state()).isEqualTo(before);

    reprints.recordFirstCard(office, request, spoiled(null, "RPT-SERI-0042"), operator);

    assertThat(
            db.fetch(
                    "select m.chip_uid, m.serial_first, m.reason from stock_movement m"
                        + " join reprint_grant g on g.first_card_movement_id = m.id"
                        + " where g.request_id = ?",
                    request)
                .intoMaps())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.get("chip_uid")).isNull();
              assertThat(m).containsEntry("serial_first", "RPT-SERI-0042");
              assertThat(m).containsEntry("reason", "REPRINT");
            });

    DestructionReport report =
        destructions.propose(
            office,
            new DestructionProposal(
                LocalDate.now(clock.withZone(DailyReports.ZONE)),
                "Halaman kantor",
                List.of("Saksi Satu", "Saksi Dua"),
                List.of(DestructionLine.serial(Item.BLANK, "RPT-SERI-0042"))),
            blanko);
    assertThat(report.cards())
        .as("the destruction report lists a first card named by its serial")
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.serial()).contains("RPT-SERI-0042");
              assertThat(c.reason()).isEqualTo("REPRINT");
              assertThat(c.requestId()).contains(request);
            });
  }

  @Test
  void a_granted_reprint_not_printed_yet_has_no_card_to_hand_over() {
    grantedReprint();
    reprints.recordFirstCard(office, request, spoiled(firstUid, null), operator);
    Map<String, Object> before = state();

    assertThat(
            refusal(() -> pickup.handOver(office, request, inPerson(Optional.empty()), loket))
                .error())
        .isEqualTo(PrintingError.REPRINT_NOT_PRINTED);
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void a_first_card_outcome_proposed_with_the_reprint_is_recorded_when_the_supervisor_grants_it() {
    long approvals0 = (Long) db.fetchValue("select count(*) from approval");
    Map<String, Object> before = state();

    assertThat(
            refusal(
                    () ->
                        reprints.propose(
                            office, request, "hilang", Optional.of(lost(null)), operator))
                .error())
        .isEqualTo(PrintingError.FIRST_CARD_POLICE_REPORT_REQUIRED);
    assertThat(
            refusal(
                    () ->
                        reprints.propose(
                            office,
                            request,
                            "rusak",
                            Optional.of(spoiled("04FFFFFFFFFFFF", null)),
                            operator))
                .error())
        .isEqualTo(PrintingError.FIRST_CARD_UID_MISMATCH);
    assertThat(db.fetchValue("select count(*) from approval")).isEqualTo(approvals0);
    assertThat(state()).isEqualTo(before);

    Approval asked =
        reprints.propose(
            office,
            request,
            "kartu rusak sebelum diambil",
            Optional.of(spoiled(firstUid, null)),
            operator);
    assertThat(state()).isEqualTo(before);
    long spoiledPile = blanks(Location.SPOILED);
    approvals.approve(asked.id(), supervisor, "disetujui");

    assertThat(blanks(Location.SPOILED)).isEqualTo(spoiledPile + 1);
    assertThat(
            db.fetchValue(
                "select g.first_card_outcome || ' ' || m.reason || ' ' || m.chip_uid || ' ' ||"
                    + " m.actor from reprint_grant g join stock_movement m on m.id ="
                    + " g.first_card_movement_id where g.request_id = ?",
                request))
        .isEqualTo("SPOILED REPRINT " + firstUid + " kabid");
    reprinted();
    pickup.handOver(office, request, inPerson(Optional.empty()), loket);
    assertThat(status()).isEqualTo("HANDED_OVER");
  }
}
