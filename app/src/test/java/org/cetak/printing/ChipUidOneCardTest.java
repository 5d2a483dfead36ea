package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.cetak.common.Transactions;
import org.cetak.notify.Outbox;
import org.cetak.office.Audit;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.device.CardPosition;
import org.cetak.printing.jooq.JooqPrintJobs;
import org.cetak.quality.CheckQueue;
import org.cetak.request.RequestLifecycle;
import org.cetak.stock.FeederStock;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A chip UID is recorded for one card: the database refuses a second job holding it for a card
 * printed or being printed, and a station whose check came too late (another station recorded the
 * UID between its check and its commit) records its card as a chip fault, nothing printed, so the
 * ledger and the printer agree.
 */
@CetakSpringTest
class ChipUidOneCardTest {

  @Autowired DSLContext db;
  @Autowired Transactions transactions;
  @Autowired PrintRoomLedger movements;
  @Autowired Reprints.Store grants;
  @Autowired RequestLifecycle queue;
  @Autowired Outbox outbox;
  @Autowired Clock clock;
  @Autowired FeederStock feeders;
  @Autowired PrinterRegistry registry;
  @Autowired OfficeDirectory offices;
  @Autowired Audit audit;

  private static int printers;

  private PrinterRef printer;
  private PrintJobs jobs;
  private String uid;

  @BeforeEach
  void aPrinterWithACardPrinted() {
    User admin = TestUsers.everyRole(offices);
    printers++;
    String code = "PRN-UID-" + printers;
    Printer registered =
        registry.register(admin.officeId(), code, "Printer " + code, "Primacy", admin);
    feeders.load(admin.officeId(), code, 5, admin);
    printer = new PrinterRef(registered.id(), registered.officeId(), code);
    db.execute(
        "update printer set owner_node = 'node-uid', mode = 'RUNNING' where id = ?", printer.id());
    jobs = new JooqPrintJobs(db, clock, "node-uid");
    uid = String.format("04C1D%09X", System.nanoTime() & 0xFFFFFFFFFL);
    StepRecorder steps = recorder(jobs);
    PrintJob written = steps.chipWritten(parked(steps), uid, at(CardPosition.CONTACTLESS));
    assertThat(written.stage()).isEqualTo(Stage.PRINTING);
    steps.apply(StepTransitions.printed(written, Optional.of(at(CardPosition.NONE))));
  }

  @Test
  void the_database_refuses_a_second_card_with_the_uid_and_writes_nothing() {
    StepRecorder steps = recorder(jobs);
    PrintJob parked = parked(steps);

    assertThatThrownBy(
            () ->
                steps.apply(StepTransitions.chipWritten(parked, uid, at(CardPosition.CONTACTLESS))))
        .isInstanceOf(ChipUidTakenException.class);

    assertThat(db.fetchValue("select stage from print_job where id = ?", parked.id()))
        .isEqualTo("ENCODING");
    assertThat(db.fetchValue("select chip_uid from print_job where id = ?", parked.id())).isNull();
  }

  @Test
  void a_uid_recorded_between_the_check_and_the_commit_rejects_the_card_nothing_printed() {
    AtomicInteger checks = new AtomicInteger();
    StepRecorder late = recorder(new CheckTooLate(jobs, checks));
    PrintJob parked = parked(late);
    long holder =
        ((Number)
                db.fetchValue(
                    "select id from print_job where chip_uid = ? and stage = 'PRINTED'", uid))
            .longValue();

    PrintJob rejecting = late.chipWritten(parked, uid, at(CardPosition.CONTACTLESS));

    assertThat(checks).as("checked again after the database refused").hasValue(2);
    assertThat(rejecting.stage()).isEqualTo(Stage.REJECTING);
    assertThat(rejecting.chipUid()).contains(uid);
    assertThat(rejecting.rejectCause()).contains(SpoilCause.ENCODE_FAIL);
    assertThat(rejecting.note())
        .isEqualTo(
            "chip UID_REPEATED: " + uid + " already recorded for the card of print job " + holder);
    assertThat(db.fetchValue("select stage from print_job where id = ?", parked.id()))
        .isEqualTo("REJECTING");
    assertThat(
            db.fetchCount(
                db.selectFrom("stock_movement")
                    .where(
                        "reference_kind = 'PRINT_JOB' and reference_id = ?"
                            + " and to_location = 'PRINTED'",
                        parked.id())))
        .as("no printed card recorded for it")
        .isZero();
    assertThat(
            db.fetchCount(
                db.selectFrom("print_job")
                    .where("chip_uid = ? and stage in ('PRINTING', 'PRINTED')", uid)))
        .isEqualTo(1);
    assertThat(
            db.fetchValue(
                "select detail from audit_event where action = 'CHIP_UID_REPEATED'"
                    + " and subject = ?",
                "print job " + parked.id()))
        .isEqualTo("chip " + uid + " already recorded for the card of print job " + holder);

    late.apply(
        StepTransitions.spoiled(
            rejecting,
            SpoilCause.ENCODE_FAIL,
            Optional.of(at(CardPosition.NONE)),
            rejecting.note()));
    assertThat(
            db.fetchOne(
                    "select reason, chip_uid from stock_movement where reference_kind ="
                        + " 'PRINT_JOB' and reference_id = ? and to_location = 'SPOILED'",
                    parked.id())
                .intoList())
        .containsExactly("ENCODE_FAIL", uid);
    assertThat(
            db.fetchValue("select status from print_request where id = ?", rejecting.requestId()))
        .isEqualTo("FAILED_REQUEUED");
  }

  private StepRecorder recorder(PrintJobs with) {
    return new StepRecorder(
        with, movements, queue, outbox, CheckQueue.none(), grants, transactions, audit, clock);
  }

  /** Starts a reserved request's job and records its blank picked and parked at the chip. */
  private PrintJob parked(StepRecorder steps) {
    long request =
        ((Number)
                db.fetchValue(
                    "select min(r.id) from print_request r where r.status = 'RESERVED'"
                        + " and not exists (select 1 from print_job j where j.request_id = r.id)"))
            .longValue();
    PrintJob job =
        ((StepRecorder.Started) steps.start(printer, request, at(CardPosition.NONE), false)).job();
    return steps.apply(
        StepTransitions.parked(
            job, new Verdict.Parked(1, 0), Optional.of(at(CardPosition.CONTACTLESS))));
  }

  private static Baseline at(CardPosition position) {
    return new Baseline(1000, 0, 0, position);
  }

  /** A check that misses the other card the first time, as a station racing another one would. */
  private record CheckTooLate(PrintJobs jobs, AtomicInteger checks) implements PrintJobs {
    @Override
    public Optional<Long> cardWithChip(String uid, long jobId) {
      return checks.incrementAndGet() == 1 ? Optional.empty() : jobs.cardWithChip(uid, jobId);
    }

    @Override
    public Optional<PrintJob> openJob(long printerId) {
      return jobs.openJob(printerId);
    }

    @Override
    public PrinterState lockOwned(PrinterRef printer) {
      return jobs.lockOwned(printer);
    }

    @Override
    public Driver lockDriver(long printerId) {
      return jobs.lockDriver(printerId);
    }

    @Override
    public PrintJob create(PrinterRef printer, long requestId, Baseline baseline, boolean reprint) {
      return jobs.create(printer, requestId, baseline, reprint);
    }

    @Override
    public PrintJob save(Transition transition, boolean byOwner) {
      return jobs.save(transition, byOwner);
    }

    @Override
    public PrinterState state(long printerId) {
      return jobs.state(printerId);
    }

    @Override
    public void setState(long printerId, PrinterMode mode, String reason) {
      jobs.setState(printerId, mode, reason);
    }

    @Override
    public void halt(long printerId, PrinterMode mode, HaltCause cause, String detail) {
      jobs.halt(printerId, mode, cause, detail);
    }

    @Override
    public OptionalLong expectedPicked(long printerId) {
      return jobs.expectedPicked(printerId);
    }
  }
}
