package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.cetak.common.Transactions;
import org.cetak.notify.Outbox;
import org.cetak.office.Audit;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.device.CardPosition;
import org.cetak.printing.jooq.JooqPrintJobs;
import org.cetak.quality.CheckQueue;
import org.cetak.request.RequestLifecycle;
import org.cetak.security.ConsoleSession;
import org.cetak.stock.FeederStock;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A card of unknown outcome that the operator sees in the output hopper is recorded printed with
 * its chip's UID. A job written before the UID became one card's (V171) may hold the UID of another
 * printed card: settling it as printed is refused with a problem the operator can act on, and
 * nothing changes.
 */
@CetakSpringTest
class SettledChipOfAnotherCardTest {

  /** V171's index, made again as that migration made it over the rows there are. */
  private static final String CHIP_INDEX =
      "do $$ declare last_repeat bigint; begin"
          + " select coalesce(max(j.id), 0) into last_repeat from print_job j"
          + " where j.chip_uid <> ''"
          + " and (j.stage in ('PRINTING', 'PRINTED')"
          + " or (j.stage = 'UNKNOWN' and j.resume_stage = 'PRINTING'))"
          + " and exists (select 1 from print_job o where o.id < j.id and o.chip_uid = j.chip_uid"
          + " and (o.stage in ('PRINTING', 'PRINTED')"
          + " or (o.stage = 'UNKNOWN' and o.resume_stage = 'PRINTING')));"
          + " execute format('create unique index uq_print_job_chip_uid on print_job (chip_uid)"
          + " where chip_uid <> '''' and id > %s and (stage in (''PRINTING'', ''PRINTED'')"
          + " or (stage = ''UNKNOWN'' and resume_stage = ''PRINTING''))', last_repeat);"
          + " end $$";

  @LocalServerPort int port;
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

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void a_card_whose_chip_another_printed_card_holds_is_not_settled_printed_and_nothing_changes()
      throws Exception {
    User admin = TestUsers.everyRole(offices);
    Printer registered =
        registry.register(admin.officeId(), "PRN-SCU", "Printer SCU", "Primacy", admin);
    feeders.load(admin.officeId(), registered.code(), 2, admin);
    PrinterRef printer = new PrinterRef(registered.id(), registered.officeId(), registered.code());
    db.execute(
        "update printer set owner_node = 'node-scu', mode = 'RUNNING' where id = ?", printer.id());
    JooqPrintJobs jobs = new JooqPrintJobs(db, clock, "node-scu");
    StepRecorder steps =
        new StepRecorder(
            jobs, movements, queue, outbox, CheckQueue.none(), grants, transactions, audit, clock);
    String uid = String.format("04C5D%09X", System.nanoTime() & 0xFFFFFFFFFL);
    String other = String.format("04C6D%09X", System.nanoTime() & 0xFFFFFFFFFL);
    PrintJob first = steps.chipWritten(parked(steps, printer), uid, at(CardPosition.CONTACTLESS));
    steps.apply(StepTransitions.printed(first, Optional.of(at(CardPosition.NONE))));
    PrintJob written =
        steps.chipWritten(parked(steps, printer), other, at(CardPosition.CONTACTLESS));
    PrintJob unknown =
        steps.apply(
            StepTransitions.toUnknown(written, HaltCause.NOT_ANSWERING, "printer did not answer"));
    // as a restarted demo's printer wrote it before V171: the second card with the first's UID
    db.execute("drop index uq_print_job_chip_uid");
    db.execute("update print_job set chip_uid = ? where id = ?", uid, unknown.id());
    db.execute(CHIP_INDEX);
    try {
      String path = "/api/offices/32.71/printers/PRN-SCU/jobs/" + unknown.id() + "/settle";
      long moves = db.fetchCount(db.selectFrom("stock_movement"));
      long events = db.fetchCount(db.selectFrom("print_job_event"));

      HttpResponse<String> refused =
          send(path, "operator", "{\"sighting\":\"IN_OUTPUT_HOPPER\"}", "id");

      assertThat(refused.statusCode()).isEqualTo(409);
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(refused.body())
          .contains("\"code\":\"CHIP_UID_TAKEN\"")
          .contains("UID " + uid)
          .contains("pekerjaan cetak " + first.id())
          .contains("masukkan ke kotak reject")
          .doesNotContain("uq_print_job_chip_uid");
      assertThat(db.fetchValue("select stage from print_job where id = ?", unknown.id()))
          .isEqualTo("UNKNOWN");
      assertThat(db.fetchCount(db.selectFrom("stock_movement"))).isEqualTo(moves);
      assertThat(db.fetchCount(db.selectFrom("print_job_event"))).isEqualTo(events);
      assertThat(
              db.fetchValue("select status from print_request where id = ?", unknown.requestId()))
          .isEqualTo("OUTCOME_UNKNOWN");

      ConsoleSession operator = ConsoleSession.signIn(port, "operator", "cetak-demo");
      HttpResponse<String> form =
          operator.post(
              "/printers/PRN-SCU/jobs/" + unknown.id() + "/settle?office=32.71",
              "sighting=IN_OUTPUT_HOPPER&confirm=yes");
      assertThat(form.statusCode()).isEqualTo(302);
      assertThat(operator.get("/printers?office=32.71").body())
          .contains("UID " + uid)
          .contains("masukkan ke kotak reject")
          .contains("Tidak ada yang dicatat");
      assertThat(db.fetchValue("select stage from print_job where id = ?", unknown.id()))
          .isEqualTo("UNKNOWN");

      HttpResponse<String> rejected =
          send(path, "operator", "{\"sighting\":\"IN_REJECT_BOX\"}", "id");
      assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
      assertThat(db.fetchValue("select stage from print_job where id = ?", unknown.id()))
          .isEqualTo("SPOILED");
    } finally {
      db.execute("update print_job set chip_uid = ? where id = ?", other, unknown.id());
      db.execute("drop index uq_print_job_chip_uid");
      db.execute(CHIP_INDEX);
    }
  }

  private PrintJob parked(StepRecorder steps, PrinterRef printer) {
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

  private HttpResponse<String> send(String path, String user, String json, String language)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":cetak-demo").getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .header("Accept-Language", language)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
