package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.cetak.approval.Approval;
import org.cetak.approval.ApprovalError;
import org.cetak.approval.Approvals;
import org.cetak.common.DomainException;
import org.cetak.common.Transactions;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.device.CardPosition;
import org.cetak.request.RequestLifecycle;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A printed card is printed again only when an operator asks with a reason and another person, a
 * supervisor, approves; the approval is a grant one print job uses once.
 */
@CetakSpringTest
class ReprintTest {

  private static final Baseline BEFORE = new Baseline(5000, 0, 0, CardPosition.NONE);

  @Autowired Reprints reprints;
  @Autowired Approvals approvals;
  @Autowired StepRecorder steps;
  @Autowired RequestLifecycle requests;
  @Autowired OfficeDirectory offices;
  @Autowired PrinterRegistry registry;
  @Autowired Transactions transactions;
  @Autowired DSLContext db;

  private static int printers;

  private User operator;
  private User supervisor;
  private PrinterRef printer;
  private long printed;

  @BeforeEach
  void aPrintedCardAndAPrinterOfThisNode() {
    operator = offices.user("operator").orElseThrow();
    supervisor = offices.user("kabid").orElseThrow();
    User admin = TestUsers.everyRole(offices);
    printers++;
    String code = "PRN-REPRINT-" + printers;
    Printer registered =
        registry.register(admin.officeId(), code, "Printer " + code, "Primacy", admin);
    printer = new PrinterRef(registered.id(), registered.officeId(), code);
    db.execute("update printer set owner_node = null, mode = 'RUNNING' where id = ?", printer.id());
    printed =
        ((Number)
                db.fetchValue(
                    "select min(r.id) from print_request r where r.status = 'RESERVED'"
                        + " and r.office_id = ?"
                        + " and not exists (select 1 from print_job j where j.request_id = r.id)",
                    printer.officeId()))
            .longValue();
    transactions.run(
        () -> {
          requests.markPrinting(printed, "test");
          requests.markPrinted(printed, "04A1B2C3D4E5F6", Instant.now(), "test");
        });
  }

  private Approval approvedReprint() {
    Approval asked =
        reprints.propose(printer.officeId(), printed, "kartu tergores saat dicetak", operator);
    return approvals.approve(asked.id(), supervisor, "disetujui");
  }

  private StepRecorder.Start reprint() {
    return steps.start(printer, printed, BEFORE, true);
  }

  @Test
  void an_operator_asks_for_a_reprint_with_a_reason_and_nothing_is_granted_yet() {
    Approval asked =
        reprints.propose(printer.officeId(), printed, "kartu tergores saat dicetak", operator);

    assertThat(asked.status()).isEqualTo(Approval.Status.PROPOSED);
    assertThat(reprint()).isInstanceOf(StepRecorder.NotPrintable.class);
  }

  @Test
  void a_reprint_without_a_reason_is_refused() {
    assertThatThrownBy(() -> reprints.propose(printer.officeId(), printed, " ", operator))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("reason");
  }

  @Test
  void only_a_printed_card_is_reprinted() {
    long reserved =
        ((Number)
                db.fetchValue(
                    "select min(id) from print_request where status = 'RESERVED' and office_id = ?",
                    printer.officeId()))
            .longValue();

    assertThatThrownBy(() -> reprints.propose(printer.officeId(), reserved, "alasan", operator))
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("error", PrintingError.NOT_PRINTED);
  }

  @Test
  void the_operator_who_asked_cannot_approve_it() {
    User both = offices.user("kabid").orElseThrow();
    Approval asked =
        reprints.propose(printer.officeId(), printed, "kartu tergores saat dicetak", both);

    assertThatThrownBy(() -> approvals.approve(asked.id(), both, "sendiri"))
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("error", ApprovalError.SELF_APPROVAL);
    assertThat(reprint()).isInstanceOf(StepRecorder.NotPrintable.class);
  }

  @Test
  void an_approved_reprint_starts_one_print_job_which_uses_the_grant() {
    approvedReprint();

    StepRecorder.Start start = reprint();

    assertThat(start).isInstanceOf(StepRecorder.Started.class);
    long job = ((StepRecorder.Started) start).job().id();
    assertThat(db.fetchValue("select used_by_job from reprint_grant where request_id = ?", printed))
        .isEqualTo(job);
    assertThat(db.fetchValue("select status from print_request where id = ?", printed))
        .isEqualTo("PRINTING");
  }

  @Test
  void a_used_grant_is_refused_the_second_time() {
    approvedReprint();
    assertThat(reprint()).isInstanceOf(StepRecorder.Started.class);
    // the reprinted card came out: the request is printed again, its grant used
    transactions.run(() -> requests.markPrinted(printed, "04A1B2C3D4E5F7", Instant.now(), "test"));

    assertThat(reprint()).isInstanceOf(StepRecorder.NotPrintable.class);
    assertThat(reprint()).isInstanceOf(StepRecorder.NotPrintable.class);
  }

  @Test
  void an_approved_reprint_whose_card_was_not_printed_is_printed_again_as_that_reprint() {
    approvedReprint();
    PrintJob first = ((StepRecorder.Started) reprint()).job();
    steps.apply(StepTransitions.notPicked(first, List.of(), "feeder empty"));
    assertThat(db.fetchValue("select status from print_request where id = ?", printed))
        .isEqualTo("FAILED_REQUEUED");

    PrintJob again = ((StepRecorder.Started) steps.start(printer, printed, BEFORE, false)).job();

    assertThat(
            db.fetchOne("select reprint, replaces_job_id from print_job where id = ?", again.id())
                .intoMap())
        .containsEntry("reprint", true)
        .containsEntry("replaces_job_id", null);
  }
}
