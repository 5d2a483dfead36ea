package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cetak.common.DomainException;
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
import org.cetak.stock.Losses;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two nodes share one database: a printer's steps are persisted only by the node that owns it, and
 * nothing starts on a printer an operator paused, whichever node the operator used.
 */
@CetakSpringTest
class PrintJobOwnershipTest {

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
  @Autowired Losses losses;
  @Autowired Audit audit;

  private static int printers;

  private StepRecorder nodeA;
  private StepRecorder nodeB;
  private PrintJobs jobsOfNodeB;
  private PrinterRef printer;

  @BeforeEach
  void twoNodesAndAPrinterOfTheirOwn() {
    jobsOfNodeB = new JooqPrintJobs(db, clock, "node-b");
    nodeA = node(new JooqPrintJobs(db, clock, "node-a"));
    nodeB = node(jobsOfNodeB);
    User admin = TestUsers.everyRole(offices);
    printers++;
    String code = "PRN-OWN-" + printers;
    Printer registered =
        registry.register(admin.officeId(), code, "Printer " + code, "Primacy", admin);
    feeders.load(admin.officeId(), code, 5, admin);
    printer = new PrinterRef(registered.id(), registered.officeId(), code);
    db.execute(
        "update printer set owner_node = 'node-a', mode = 'RUNNING' where id = ?", printer.id());
  }

  @Test
  void a_node_that_does_not_own_the_printer_cannot_persist_its_steps() {
    long request = reservedRequest();
    Baseline before = new Baseline(1000, 0, 0, CardPosition.NONE);
    PrintJob job = ((StepRecorder.Started) nodeA.start(printer, request, before, false)).job();
    int feeder = movements.feeder(printer.id());

    PrintJob parked =
        job.holding(CardHeld.INSIDE)
            .at(
                Stage.ENCODING,
                Optional.of(new Baseline(1001, 0, 0, CardPosition.CONTACTLESS)),
                "");
    Transition picked =
        new Transition(parked, List.of(new BlankMove.Picked(1)), RequestChange.NONE, "picked");
    assertThatThrownBy(() -> nodeB.apply(picked))
        .isInstanceOf(StaleJobException.class)
        .hasMessageContaining("owned by node node-a");
    assertThat(movements.feeder(printer.id())).isEqualTo(feeder);
    assertThat(stage(job.id())).isEqualTo("PICKING");
    assertThatThrownBy(() -> nodeB.start(printer, reservedRequest(), before, false))
        .isInstanceOf(StaleJobException.class);

    nodeA.apply(picked);
    assertThat(movements.feeder(printer.id())).isEqualTo(feeder - 1);
    assertThat(stage(job.id())).isEqualTo("ENCODING");
    assertThat(
            db.fetchValue(
                "select string_agg(stage || ': ' || event, ' | ' order by id)"
                    + " from print_job_event where job_id = ?",
                job.id()))
        .isEqualTo("PICKING: picking a blank for request " + request + " | ENCODING: picked");

    // an operator at another node's console may still settle the printer's job
    PrintJob settled = parked.persisted().unknown(CardHeld.UNKNOWN_FROM_INSIDE, "port gone");
    nodeB.settle(
        new Transition(
            settled,
            List.of(new BlankMove.ToUnknown(false)),
            RequestChange.OUTCOME_UNKNOWN,
            "outcome unknown"));
    assertThat(stage(job.id())).isEqualTo("UNKNOWN");
  }

  @Test
  void another_node_settles_a_card_only_once_the_lease_of_the_node_that_left_it_has_run_out() {
    long request = reservedRequest();
    db.execute(
        "update printer set lease_until = now() + interval '1 hour' where id = ?", printer.id());
    PrintJob job = pickedOnNodeA(request);
    User operator = TestUsers.everyRole(offices);
    Settlements onNodeB = new Settlements(jobsOfNodeB, nodeB, losses, transactions, audit);

    // node A drives the printer: the card in flight is its station's
    assertThatThrownBy(
            () -> onNodeB.settle(printer.id(), job.id(), Sighting.IN_REJECT_BOX, operator))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("node-a drives");
    assertThat(stage(job.id())).isEqualTo("ENCODING");

    // node A died: its lease ran out, and the operator says where the card lies
    db.execute(
        "update printer set lease_until = now() - interval '1 second' where id = ?", printer.id());
    PrintJob settled = onNodeB.settle(printer.id(), job.id(), Sighting.IN_REJECT_BOX, operator);

    assertThat(settled.stage()).isEqualTo(Stage.SPOILED);
    assertThat(
            db.fetchValue(
                "select string_agg(stage, ' ' order by id) from print_job_event where job_id = ?",
                job.id()))
        .isEqualTo("PICKING ENCODING UNKNOWN SPOILED");
    assertThat(db.fetchValue("select status from print_request where id = ?", request))
        .isEqualTo("FAILED_REQUEUED");
    assertThat(
            db.fetchValue(
                "select detail from audit_event where action = 'SETTLE_ABANDONED'"
                    + " and subject = ?",
                "print job " + job.id()))
        .isEqualTo("IN_REJECT_BOX left by node node-a");
    assertThat(jobsOfNodeB.state(printer.id()).mode()).isEqualTo(PrinterMode.PAUSED);
  }

  @Test
  void a_station_asking_about_a_card_an_operator_is_settling_waits_and_does_not_quarantine_again()
      throws Exception {
    PrintJob unknown = unknownJob();
    // someone resumed the quarantined printer; the station still cannot tell where the card went
    jobsOfNodeB.setState(printer.id(), PrinterMode.RUNNING, "resumed by budi");
    CountDownLatch saved = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<PrintJob> operator =
          pool.submit(
              () ->
                  transactions.inTransaction(
                      () -> {
                        PrintJob lost =
                            nodeB.settle(
                                new Transition(
                                    unknown
                                        .holding(CardHeld.NONE)
                                        .at(Stage.LOST, Optional.empty(), "settled: NOWHERE"),
                                    List.of(),
                                    RequestChange.REQUEUED,
                                    "settled: NOWHERE"));
                        saved.countDown();
                        await(commit);
                        return lost;
                      }));
      assertThat(saved.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Boolean> station =
          pool.submit(
              () ->
                  nodeA.quarantineWhileUnknown(
                      printer, unknown.id(), "job " + unknown.id() + ": no answer"));

      assertThatThrownBy(() -> station.get(500, TimeUnit.MILLISECONDS))
          .as("the station waits for the settlement to commit or roll back")
          .isInstanceOf(TimeoutException.class);
      commit.countDown();
      assertThat(operator.get(10, TimeUnit.SECONDS).stage()).isEqualTo(Stage.LOST);
      assertThat(station.get(10, TimeUnit.SECONDS)).isFalse();
    } finally {
      commit.countDown();
      pool.shutdownNow();
    }
    assertThat(jobsOfNodeB.state(printer.id()).mode()).isEqualTo(PrinterMode.RUNNING);
    assertThat(stage(unknown.id())).isEqualTo("LOST");
  }

  @Test
  void a_card_still_unknown_quarantines_its_printer_once() {
    PrintJob unknown = unknownJob();
    jobsOfNodeB.setState(printer.id(), PrinterMode.RUNNING, "resumed by budi");

    assertThat(nodeA.quarantineWhileUnknown(printer, unknown.id(), "job: no answer")).isTrue();
    assertThat(
            db.fetchValue(
                "select mode || ' ' || mode_cause || ' ' || mode_reason from printer where id = ?",
                printer.id()))
        .isEqualTo("QUARANTINED CARD_STILL_UNKNOWN job: no answer");
    assertThat(nodeA.quarantineWhileUnknown(printer, unknown.id(), "job: no answer"))
        .as("already quarantined")
        .isFalse();
    assertThat(nodeA.quarantineWhileUnknown(printer, unknown.id() + 1, "another job"))
        .as("not the printer's open job")
        .isFalse();
  }

  /** A job of this printer picked on node A, then of unknown outcome, the printer quarantined. */
  private PrintJob unknownJob() {
    PrintJob parked = pickedOnNodeA(reservedRequest());
    PrintJob unknown =
        nodeA.apply(
            new Transition(
                parked.unknown(CardHeld.UNKNOWN_FROM_INSIDE, "port gone"),
                List.of(new BlankMove.ToUnknown(false)),
                RequestChange.OUTCOME_UNKNOWN,
                "outcome unknown"));
    jobsOfNodeB.halt(
        printer.id(), PrinterMode.QUARANTINED, HaltCause.CARD_UNKNOWN, "job: port gone");
    return unknown;
  }

  /** A job for the request started on node A, its blank picked and parked at the chip station. */
  private PrintJob pickedOnNodeA(long request) {
    PrintJob job =
        ((StepRecorder.Started)
                nodeA.start(printer, request, new Baseline(1000, 0, 0, CardPosition.NONE), false))
            .job();
    return nodeA.apply(
        StepTransitions.parked(
            job,
            new Verdict.Parked(1, 0),
            Optional.of(new Baseline(1001, 0, 0, CardPosition.CONTACTLESS))));
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test did not let the settlement commit");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void nothing_starts_on_a_paused_printer_and_the_request_keeps_its_blank() {
    long request = reservedRequest();
    jobsOfNodeB.setState(printer.id(), PrinterMode.PAUSED, "ribbon change");

    StepRecorder.Start start =
        nodeA.start(printer, request, new Baseline(1000, 0, 0, CardPosition.NONE), false);

    assertThat(start)
        .isEqualTo(new StepRecorder.Halted(new PrinterState(PrinterMode.PAUSED, "ribbon change")));
    assertThat(db.fetchValue("select status from print_request where id = ?", request))
        .isEqualTo("RESERVED");
    assertThat(db.fetchCount(db.selectFrom("print_job").where("request_id = ?", request))).isZero();
  }

  private StepRecorder node(PrintJobs jobs) {
    return new StepRecorder(
        jobs, movements, queue, outbox, CheckQueue.none(), grants, transactions, audit, clock);
  }

  private long reservedRequest() {
    return ((Number)
            db.fetchValue(
                "select min(r.id) from print_request r where r.status = 'RESERVED'"
                    + " and not exists (select 1 from print_job j where j.request_id = r.id)"))
        .longValue();
  }

  private String stage(long jobId) {
    return (String) db.fetchValue("select stage from print_job where id = ?", jobId);
  }
}
