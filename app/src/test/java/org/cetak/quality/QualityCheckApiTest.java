package org.cetak.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrinterControl;
import org.cetak.printing.StepRecorder;
import org.cetak.stock.PrinterRegistry;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The quality check's REST API: the cards waiting, a pass and a rejection, and every bad input
 * answered with a problem document that changes nothing.
 */
@CetakSpringTest
class QualityCheckApiTest {

  private static final String BASE = "/api/offices/32.71/quality-check";

  @LocalServerPort int port;
  @Autowired StepRecorder steps;
  @Autowired PrintJobs jobs;
  @Autowired PrinterRegistry registry;
  @Autowired PrinterControl control;
  @Autowired OfficeDirectory offices;
  @Autowired DSLContext db;

  private final HttpClient http = HttpClient.newHttpClient();
  private CardsToCheck cards;

  @BeforeEach
  void aPrinterOfTheDemoOffice() {
    Office office = offices.officeByCode("32.71").orElseThrow();
    db.execute(
        "update notice_settings set collectable_when = 'QUALITY_CHECKED' where office_id = ?",
        office.id());
    cards =
        new CardsToCheck(
            db,
            steps,
            jobs,
            registry,
            control,
            office,
            TestUsers.everyRole(offices),
            offices.user("operator").orElseThrow());
  }

  @Test
  void the_operator_lists_passes_and_rejects_cards() throws Exception {
    PrintJob passed = cards.printed();
    PrintJob rejected = cards.printed();

    HttpResponse<String> waiting = send("GET", BASE, "operator", null);
    assertThat(waiting.statusCode()).isEqualTo(200);
    assertThat(waiting.body())
        .contains("\"printJobId\":" + passed.id())
        .contains("\"printJobId\":" + rejected.id())
        .contains("\"readerAttached\":false")
        .doesNotContain("\"name\"");

    HttpResponse<String> pass =
        send(
            "POST",
            BASE + "/" + passed.id() + "/pass",
            "operator",
            "{\"chipUid\":\"" + CardsToCheck.uid(passed) + "\"}");
    assertThat(pass.statusCode()).as(pass.body()).isEqualTo(200);
    assertThat(pass.body()).contains("\"status\":\"PASSED\"");

    HttpResponse<String> reject =
        send(
            "POST",
            BASE + "/" + rejected.id() + "/reject",
            "kabid",
            "{\"reason\":\"CHIP_UNREADABLE\",\"note\":\"tidak menjawab\"}");
    assertThat(reject.statusCode()).as(reject.body()).isEqualTo(200);
    assertThat(reject.body())
        .contains("\"status\":\"REJECTED\"")
        .contains("\"reason\":\"CHIP_UNREADABLE\"");
    assertThat(db.fetchValue("select status from print_request where id = ?", rejected.requestId()))
        .isEqualTo("FAILED_REQUEUED");
  }

  @Test
  void bad_input_is_a_problem_document_and_changes_nothing() throws Exception {
    PrintJob job = cards.printed();
    PrintJob other = cards.printed();
    String pass = BASE + "/" + job.id() + "/pass";
    String reject = BASE + "/" + job.id() + "/reject";
    long movements = db.fetchCount(db.selectFrom("stock_movement"));

    expect(
        send("POST", BASE + "/999999/pass", "operator", "{\"chipUid\":\"04A1B2C3D4E5F6\"}"),
        404,
        "UNKNOWN_CARD_CHECK");
    expect(send("POST", pass, "operator", "{}"), 400, "CHIP_READ_REQUIRED");
    expect(send("POST", pass, "operator", "{\"chipUid\":\"not hex\"}"), 400, "INVALID_CHIP_UID");
    expect(
        send("POST", pass, "operator", "{\"chipUid\":\"" + CardsToCheck.uid(other) + "\"}"),
        409,
        "CHIP_UID_MISMATCH");
    expect(send("POST", reject, "operator", "{}"), 400, "CHECK_REASON_REQUIRED");
    expect(send("POST", reject, "operator", "{\"reason\":\"UGLY\"}"), 400, "MALFORMED_BODY");
    expect(send("POST", BASE + "/pass", "operator", "{\"cards\":[]}"), 400, "INVALID_CHECK_BATCH");
    expect(
        send(
            "POST",
            BASE + "/pass",
            "operator",
            "{\"cards\":[{\"printJobId\":"
                + job.id()
                + ",\"chipUid\":\""
                + CardsToCheck.uid(job)
                + "\"},{\"printJobId\":"
                + job.id()
                + ",\"chipUid\":\""
                + CardsToCheck.uid(job)
                + "\"}]}"),
        400,
        "INVALID_CHECK_BATCH");
    String elsewhere = "/api/offices/32.71.03/quality-check/" + job.id();
    expect(send("POST", elsewhere + "/pass", "admin", "{}"), 403, "ROLE_REQUIRED");
    // a card of this office asked for under another office the operator works for (a kecamatan)
    expect(
        send("POST", elsewhere + "/reject", "operator", "{\"reason\":\"DAMAGED\"}"),
        404,
        "UNKNOWN_CARD_CHECK");
    expect(send("POST", pass, "loket", "{}"), 403, "ROLE_REQUIRED");

    assertThat(
            db.fetch(
                    "select status from card_check where print_job_id in (?, ?)",
                    job.id(),
                    other.id())
                .getValues(0, String.class))
        .containsOnly("WAITING");
    assertThat(db.fetchCount(db.selectFrom("stock_movement"))).isEqualTo(movements);
    assertThat(db.fetchCount(db.selectFrom("sms_outbox where print_job_id = " + job.id())))
        .isZero();

    send("POST", pass, "operator", "{\"chipUid\":\"" + CardsToCheck.uid(job) + "\"}");
    expect(
        send("POST", pass, "operator", "{\"chipUid\":\"" + CardsToCheck.uid(job) + "\"}"),
        409,
        "CARD_ALREADY_CHECKED");
    assertThat(db.fetchCount(db.selectFrom("sms_outbox where print_job_id = " + job.id())))
        .isEqualTo(1);
  }

  private static void expect(HttpResponse<String> answer, int status, String code) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(answer.body()).contains("\"code\":\"" + code + "\"");
  }

  private HttpResponse<String> send(String method, String path, String user, String json)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":cetak-demo").getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json");
    request =
        json == null
            ? request.method(method, HttpRequest.BodyPublishers.noBody())
            : request.method(method, HttpRequest.BodyPublishers.ofString(json));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
