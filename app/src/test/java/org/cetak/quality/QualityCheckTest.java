package org.cetak.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cetak.common.DomainException;
import org.cetak.notify.CollectableWhen;
import org.cetak.notify.NoticeSettings;
import org.cetak.notify.Notices;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.pickup.HandoverForm;
import org.cetak.pickup.OldCard;
import org.cetak.pickup.PickupError;
import org.cetak.pickup.PickupService;
import org.cetak.pickup.Recipient;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrinterControl;
import org.cetak.printing.StepRecorder;
import org.cetak.stock.PrinterRegistry;
import org.cetak.stock.Reconciliation;
import org.cetak.stock.StockLevels;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The print room's quality check on the real database, behind the print station's own step
 * recorder: a printed card waits, its notice is written when it passes, a rejected card is spoiled
 * with its chip UID and QC reason and its request printed again with its rank.
 */
@CetakSpringTest
class QualityCheckTest {

  @Autowired QualityChecks checks;
  @Autowired StepRecorder steps;
  @Autowired PrintJobs jobs;
  @Autowired PrinterRegistry registry;
  @Autowired PrinterControl control;
  @Autowired OfficeDirectory offices;
  @Autowired PickupService pickup;
  @Autowired Notices notices;
  @Autowired StockLevels levels;
  @Autowired DSLContext db;

  private Office office;
  private User operator;
  private CardsToCheck cards;

  @BeforeEach
  void aPrinterOfTheDemoOffice() {
    office = offices.officeByCode("32.71").orElseThrow();
    operator = offices.user("operator").orElseThrow();
    cards =
        new CardsToCheck(
            db, steps, jobs, registry, control, office, TestUsers.everyRole(offices), operator);
    setCheck(CollectableWhen.QUALITY_CHECKED);
  }

  @AfterEach
  void checkStaysOn() {
    setCheck(CollectableWhen.QUALITY_CHECKED);
  }

  @Test
  void a_printed_card_waits_without_a_notice_and_the_counter_refuses_it() {
    PrintJob job = cards.printed();

    assertThat(status(job.requestId())).isEqualTo("PRINTED");
    assertThat(db.fetchValue("select status from card_check where print_job_id = ?", job.id()))
        .isEqualTo("WAITING");
    assertThat(notices(job)).isZero();
    assertThat(checks.waiting(office.id(), operator))
        .extracting(CardCheck::printJobId)
        .contains(job.id());
    User loket = offices.user("loket").orElseThrow();
    assertThatThrownBy(() -> pickup.handOver(office.id(), job.requestId(), inPerson(), loket))
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("error", PickupError.CARD_NOT_CHECKED);
    assertThat(status(job.requestId())).isEqualTo("PRINTED");
    assertThat(pickup.card(office.id(), job.requestId(), loket).collectable()).isFalse();
    assertThat(notices.unclaimed(office.id(), 0))
        .as("not at the counter yet")
        .noneMatch(c -> c.requestId() == job.requestId());
    assertThat(pickup.unclaimed(office.id(), loket))
        .noneMatch(c -> c.requestId() == job.requestId());
  }

  @Test
  void a_card_that_passes_with_its_chip_read_back_gets_exactly_one_notice() {
    PrintJob job = cards.printed();

    CardCheck passed =
        checks.pass(
            office.id(),
            job.id(),
            CardsToCheck.uid(job).toLowerCase(java.util.Locale.ROOT),
            operator);

    assertThat(passed.status()).isEqualTo(CardCheck.Status.PASSED);
    assertThat(passed.uidRead()).hasValue(CardsToCheck.uid(job));
    assertThat(notices(job)).isEqualTo(1);
    assertThat(
            db.fetchCount(db.selectFrom("request_payload where request_id = " + job.requestId())))
        .isZero();
    assertThat(history(job.requestId()))
        .anySatisfy(
            e -> assertThat(e).contains("quality check passed: chip " + CardsToCheck.uid(job)));
    assertThat(
            pickup
                .card(office.id(), job.requestId(), offices.user("loket").orElseThrow())
                .collectable())
        .isTrue();

    assertThatThrownBy(() -> checks.pass(office.id(), job.id(), CardsToCheck.uid(job), operator))
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("error", CheckError.CARD_ALREADY_CHECKED);
    assertThat(notices(job)).isEqualTo(1);
  }

  @Test
  void a_chip_of_another_card_or_none_is_refused_and_nothing_changes() {
    PrintJob job = cards.printed();
    PrintJob other = cards.printed();

    assertThatThrownBy(() -> checks.pass(office.id(), job.id(), CardsToCheck.uid(other), operator))
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("error", CheckError.CHIP_UID_MISMATCH);
    assertThatThrownBy(() -> checks.pass(office.id(), job.id(), " ", operator))
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("error", CheckError.CHIP_READ_REQUIRED);
    assertThatThrownBy(
            () ->
                checks.passAll(
                    office.id(),
                    List.of(
                        new QualityChecks.Pass(other.id(), CardsToCheck.uid(other)),
                        new QualityChecks.Pass(job.id(), CardsToCheck.uid(other))),
                    operator))
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("error", CheckError.CHIP_UID_MISMATCH);

    assertThat(
            db.fetch(
                    "select status from card_check where print_job_id in (?, ?)",
                    job.id(),
                    other.id())
                .getValues(0, String.class))
        .containsOnly("WAITING");
    assertThat(notices(job) + notices(other)).isZero();
  }

  @Test
  void a_batch_passes_every_card_at_once() {
    PrintJob first = cards.printed();
    PrintJob second = cards.printed();

    List<CardCheck> passed =
        checks.passAll(
            office.id(),
            List.of(
                new QualityChecks.Pass(first.id(), CardsToCheck.uid(first)),
                new QualityChecks.Pass(second.id(), CardsToCheck.uid(second))),
            offices.user("kabid").orElseThrow());

    assertThat(passed).extracting(CardCheck::status).containsOnly(CardCheck.Status.PASSED);
    assertThat(notices(first)).isEqualTo(1);
    assertThat(notices(second)).isEqualTo(1);
  }

  @Test
  void a_rejected_card_is_spoiled_with_its_uid_and_printed_again_with_its_rank() {
    PrintJob job = cards.printed();
    long request = job.requestId();
    Map<String, Object> reservation =
        db.fetchOne(
                "select tier, rule, queue_rank from reservation where request_id = ?"
                    + " and consumed_at is not null order by id desc limit 1",
                request)
            .intoMap();
    Reconciliation before = levels.reconciliation(office.id());
    int approvals = db.fetchCount(db.selectFrom("approval"));

    CardCheck rejected =
        checks.reject(office.id(), job.id(), CheckReason.COLOUR, "pudar di sudut", operator);

    assertThat(rejected.status()).isEqualTo(CardCheck.Status.REJECTED);
    assertThat(
            db.fetchOne(
                    "select m.from_location, m.to_location, m.quantity, m.reason, m.chip_uid,"
                        + " m.request_id, m.reference_kind, m.reference_id from stock_movement m join card_check c"
                        + " on c.movement_id = m.id where c.print_job_id = ?",
                    job.id())
                .intoMap())
        .containsEntry("from_location", "PRINTED")
        .containsEntry("to_location", "SPOILED")
        .containsEntry("quantity", 1)
        .containsEntry("reason", "QC_COLOUR")
        .containsEntry("chip_uid", CardsToCheck.uid(job))
        .containsEntry("request_id", request)
        .containsEntry("reference_kind", "PRINT_JOB")
        .containsEntry("reference_id", job.id());
    assertThat(status(request)).isEqualTo("FAILED_REQUEUED");
    assertThat(
            db.fetchOne(
                    "select tier, rule, queue_rank from reservation where request_id = ?"
                        + " and consumed_at is null and released_at is null",
                    request)
                .intoMap())
        .isEqualTo(reservation);
    assertThat(db.fetchCount(db.selectFrom("approval")))
        .as("no supervisor's approval")
        .isEqualTo(approvals);
    assertThat(notices(job)).isZero();
    Reconciliation after = levels.reconciliation(office.id());
    assertThat(after.closes()).isTrue();
    assertThat(after.spoiled()).isEqualTo(before.spoiled() + 1);
    assertThat(after.printed()).isEqualTo(before.printed() - 1);

    PrintJob again = cards.printedAgain(request);

    assertThat(again.id()).isNotEqualTo(job.id());
    // never left the room, no approval: an ordinary print of the requeued request, not a reprint
    assertThat(
            db.fetchOne("select reprint, replaces_job_id from print_job where id = ?", again.id())
                .intoMap())
        .containsEntry("reprint", false)
        .containsEntry("replaces_job_id", job.id());
    assertThat(
            db.fetchValue(
                "select event from print_job_event where job_id = ? order by id limit 1",
                again.id()))
        .isEqualTo(
            "picking a blank for request "
                + request
                + " (its card of job "
                + job.id()
                + " rejected at the check)");
    assertThat(history(request))
        .noneSatisfy(e -> assertThat(e).containsIgnoringCase("reprint"))
        .anySatisfy(e -> assertThat(e).isEqualTo("FAILED_REQUEUED -> PRINTING: printing"));
    assertThat(status(request)).isEqualTo("PRINTED");
    assertThat(db.fetchValue("select status from card_check where print_job_id = ?", again.id()))
        .isEqualTo("WAITING");
    checks.pass(office.id(), again.id(), CardsToCheck.uid(again), operator);
    assertThat(notices(again)).isEqualTo(1);
    assertThat(history(request))
        .anySatisfy(
            e -> assertThat(e).contains("rejected at quality check: COLOUR, pudar di sudut"))
        .anySatisfy(
            e -> assertThat(e).contains("quality check passed: chip " + CardsToCheck.uid(again)));
    assertThat(levels.reconciliation(office.id()).closes()).isTrue();
  }

  @Test
  void a_rejection_without_a_reason_or_of_another_office_changes_nothing() {
    PrintJob job = cards.printed();
    long movements = db.fetchCount(db.selectFrom("stock_movement"));

    assertThatThrownBy(() -> checks.reject(office.id(), job.id(), null, "", operator))
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("error", CheckError.CHECK_REASON_REQUIRED);
    long otherOffice = offices.officeByCode("32.71.03").orElseThrow().id();
    User admin = TestUsers.everyRole(offices);
    assertThatThrownBy(() -> checks.reject(otherOffice, job.id(), CheckReason.DAMAGED, "", admin))
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("error", CheckError.UNKNOWN_CARD_CHECK);

    assertThat(db.fetchCount(db.selectFrom("stock_movement"))).isEqualTo(movements);
    assertThat(status(job.requestId())).isEqualTo("PRINTED");
  }

  @Test
  void an_office_that_turned_the_check_off_writes_the_notice_at_print() {
    setCheck(CollectableWhen.PRINTED);

    PrintJob job = cards.printed();

    assertThat(notices(job)).isEqualTo(1);
    assertThat(db.fetchCount(db.selectFrom("card_check where print_job_id = " + job.id())))
        .isZero();
    assertThat(
            pickup
                .card(office.id(), job.requestId(), offices.user("loket").orElseThrow())
                .collectable())
        .isTrue();
  }

  private void setCheck(CollectableWhen when) {
    NoticeSettings s = notices.settings(office.id());
    notices.saveSettings(
        office.id(),
        new NoticeSettings(
            s.zone(),
            s.openingHours(),
            s.windowStart(),
            s.windowEnd(),
            when,
            s.reminderAfterDays()),
        offices.user("kabid").orElseThrow());
  }

  private int notices(PrintJob job) {
    return db.fetchCount(
        db.selectFrom(
            "sms_outbox where kind in ('READY', 'READY_AGAIN') and print_job_id = " + job.id()));
  }

  private String status(long request) {
    return (String) db.fetchValue("select status from print_request where id = ?", request);
  }

  private List<String> history(long request) {
    return db.fetch(
            "select from_status || ' -> ' || to_status || ': ' || reason from print_request_event"
                + " where request_id = ? order by id",
            request)
        .getValues(0, String.class);
  }

  private static HandoverForm inPerson() {
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
        Optional.empty());
  }
}
