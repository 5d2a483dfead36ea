package org.cetak.pickup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.cetak.notify.Outbox;
import org.cetak.office.OfficeDirectory;
import org.cetak.request.RequestLifecycle;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.ReprintedCards;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The counter's REST API: a handover, its refusals as problem documents, and who may use it. */
@CetakSpringTest
class PickupApiTest {

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @Autowired RequestLifecycle queue;
  @Autowired Outbox outbox;
  @Autowired OfficeDirectory offices;
  @Autowired Clock clock;
  @Autowired ApplicationContext spring;

  private final HttpClient http = HttpClient.newHttpClient();

  private long printedFirstCard() {
    return PrintedCards.print(
        db,
        queue,
        outbox,
        clock,
        offices.officeByCode("32.71").orElseThrow().id(),
        "reason = 'FIRST_CARD'");
  }

  @Test
  void a_representative_with_a_letter_collects_the_card_and_a_second_handover_is_a_conflict()
      throws Exception {
    long request = printedFirstCard();
    String body =
        "{\"suketShown\":true,\"faceMatches\":false,\"recipient\":\"REPRESENTATIVE\","
            + "\"representativeName\":\"SITI AMINAH\",\"authorityLetterNo\":\"SK/7/2026\","
            + "\"oldCard\":\"NONE\"}";

    HttpResponse<String> first =
        send("POST", "/api/offices/32.71/pickup/cards/" + request + "/handover", body);
    HttpResponse<String> second =
        send("POST", "/api/offices/32.71/pickup/cards/" + request + "/handover", body);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.body()).contains("\"recipient\":\"REPRESENTATIVE\"").contains("SK/7/2026");
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(second.body()).contains("\"code\":\"ALREADY_HANDED_OVER\"");
  }

  @Test
  void a_lost_old_card_without_police_report_is_a_problem_document_in_indonesian()
      throws Exception {
    long request = printedFirstCard();

    HttpResponse<String> refused =
        send(
            "POST",
            "/api/offices/32.71/pickup/cards/" + request + "/handover",
            "{\"suketShown\":true,\"faceMatches\":true,\"recipient\":\"RESIDENT\","
                + "\"oldCard\":\"LOST\"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("\"code\":\"POLICE_REPORT_REQUIRED\"")
        .contains("surat keterangan kehilangan");
    assertThat(db.fetchValue("select status from print_request where id = ?", request))
        .isEqualTo("PRINTED");
  }

  @Test
  void
      a_reprint_is_handed_over_with_its_first_card_outcome_in_the_consoles_fields_and_not_by_the_auditor()
          throws Exception {
    ReprintedCards.Reprinted reprinted =
        ReprintedCards.make(spring, offices.officeByCode("32.71").orElseThrow().id());
    long request = reprinted.requestId();
    String path = "/api/offices/32.71/pickup/cards/" + request + "/handover";
    String checks =
        "{\"suketShown\":true,\"faceMatches\":true,\"recipient\":\"RESIDENT\","
            + "\"oldCard\":\"NONE\"";
    long movements = movements();

    HttpResponse<String> withoutOutcome = send("POST", path, checks + "}");
    HttpResponse<String> lostWithoutReport =
        send("POST", path, checks + ",\"firstCardOutcome\":\"LOST\"}");
    HttpResponse<String> auditor =
        http.send(
            request(
                    "POST",
                    path,
                    "inspektorat",
                    checks
                        + ",\"firstCardOutcome\":\"LOST\","
                        + "\"firstCardPoliceReportNo\":\"LP/1/2026\"}")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> auditorEntry =
        http.send(
            request(
                    "POST",
                    "/api/offices/32.71/requests/" + request + "/reprint/first-card",
                    "inspektorat",
                    "{\"outcome\":\"LOST\",\"policeReportNo\":\"LP/1/2026\"}")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(withoutOutcome.statusCode()).isEqualTo(409);
    assertThat(withoutOutcome.body())
        .contains("\"code\":\"FIRST_CARD_OUTCOME_REQUIRED\"")
        .contains("Catat dulu nasib kartu pertama permohonan " + request);
    assertThat(lostWithoutReport.statusCode()).isEqualTo(400);
    assertThat(lostWithoutReport.body()).contains("\"code\":\"FIRST_CARD_POLICE_REPORT_REQUIRED\"");
    assertThat(auditor.statusCode()).isEqualTo(403);
    assertThat(auditorEntry.statusCode()).isEqualTo(403);
    assertThat(movements()).isEqualTo(movements);
    assertThat(db.fetchValue("select status from print_request where id = ?", request))
        .isEqualTo("PRINTED");

    HttpResponse<String> handed =
        send(
            "POST",
            path,
            checks
                + ",\"firstCardOutcome\":\"SPOILED\",\"firstCardUid\":\""
                + reprinted.firstUid()
                + "\"}");

    assertThat(handed.statusCode()).isEqualTo(201);
    assertThat(handed.body()).contains("\"cardUid\":\"" + reprinted.secondUid() + "\"");
    assertThat(
            db.fetchValue(
                "select m.reason || ' ' || m.chip_uid || ' ' || m.to_location from stock_movement m"
                    + " join reprint_grant g on g.first_card_movement_id = m.id"
                    + " where g.request_id = ?",
                request))
        .isEqualTo("REPRINT " + reprinted.firstUid() + " SPOILED");
  }

  private long movements() {
    return ((Number) db.fetchValue("select count(*) from stock_movement")).longValue();
  }

  @Test
  void a_police_report_number_too_long_is_a_problem_naming_the_field_and_changes_nothing()
      throws Exception {
    long request =
        PrintedCards.print(
            db,
            queue,
            outbox,
            clock,
            offices.officeByCode("32.71").orElseThrow().id(),
            "reason = 'LOST'");

    HttpResponse<String> refused =
        send(
            "POST",
            "/api/offices/32.71/pickup/cards/" + request + "/handover",
            "{\"suketShown\":true,\"faceMatches\":true,\"recipient\":\"RESIDENT\","
                + "\"oldCard\":\"LOST\",\"policeReportNo\":\""
                + "9".repeat(5000)
                + "\"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("\"code\":\"TEXT_TOO_LONG\"")
        .contains(
            "Isian \\\"Nomor surat kehilangan\\\" terlalu panjang: 5000 tanda, paling banyak 64");
    assertThat(db.fetchValue("select status from print_request where id = ?", request))
        .isEqualTo("PRINTED");
    assertThat(db.fetchCount(db.selectFrom("handover").where("request_id = ?", request))).isZero();
  }

  @Test
  void a_reprint_proposed_with_a_first_card_but_no_outcome_is_invalid_input_and_records_nothing()
      throws Exception {
    long request = printedFirstCard();
    long approvals = ((Number) db.fetchValue("select count(*) from approval")).longValue();

    HttpResponse<String> refused =
        http.send(
            request(
                    "POST",
                    "/api/offices/32.71/requests/" + request + "/reprint",
                    "operator",
                    "{\"reason\":\"laminasi terkelupas\",\"firstCard\":{\"serial\":\"S-1\"}}")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("\"code\":\"FIRST_CARD_OUTCOME_MISSING\"")
        .contains("Pilih nasib kartu pertama");
    assertThat(((Number) db.fetchValue("select count(*) from approval")).longValue())
        .isEqualTo(approvals);
  }

  @Test
  void a_card_whose_chip_was_handed_over_with_another_request_is_a_conflict_not_a_failure()
      throws Exception {
    long first = printedFirstCard();
    long second = printedFirstCard();
    db.execute(
        "update print_request set card_uid = (select card_uid from print_request where id = ?)"
            + " where id = ?",
        first,
        second);
    String body =
        "{\"suketShown\":true,\"faceMatches\":true,\"recipient\":\"RESIDENT\",\"oldCard\":\"NONE\"}";

    HttpResponse<String> handed =
        send("POST", "/api/offices/32.71/pickup/cards/" + first + "/handover", body);
    HttpResponse<String> again =
        send("POST", "/api/offices/32.71/pickup/cards/" + second + "/handover", body);

    assertThat(handed.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("\"code\":\"ALREADY_HANDED_OVER\"");
    assertThat(db.fetchValue("select status from print_request where id = ?", second))
        .isEqualTo("PRINTED");
  }

  @Test
  void an_operator_may_not_hand_cards_over() throws Exception {
    long request = printedFirstCard();

    HttpResponse<String> refused =
        http.send(
            request(
                    "POST",
                    "/api/offices/32.71/pickup/cards/" + request + "/handover",
                    "operator",
                    "{\"suketShown\":true,\"faceMatches\":true,\"recipient\":\"RESIDENT\","
                        + "\"oldCard\":\"NONE\"}")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(db.fetchValue("select status from print_request where id = ?", request))
        .isEqualTo("PRINTED");
  }

  @Test
  void the_unclaimed_list_and_the_consolidation_history_answer_the_counter() throws Exception {
    long request = printedFirstCard();
    String nik = (String) db.fetchValue("select nik from print_request where id = ?", request);

    HttpResponse<String> unclaimed = send("GET", "/api/offices/32.71/pickup/unclaimed", null);
    HttpResponse<String> history =
        send("POST", "/api/offices/32.71/consolidation/cards/search", "{\"nik\":\"" + nik + "\"}");
    HttpResponse<String> found =
        send("POST", "/api/offices/32.71/pickup/cards/search", "{\"nik\":\"" + nik + "\"}");

    assertThat(unclaimed.statusCode()).isEqualTo(200);
    assertThat(unclaimed.body()).contains("\"requestId\":" + request).doesNotContain(nik);
    assertThat(history.statusCode()).isEqualTo(200);
    assertThat(history.body()).contains("\"kind\":\"PRINTED\"").contains("\"status\":\"PENDING\"");
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body()).contains("\"requestId\":" + request).doesNotContain(nik);
  }

  private HttpResponse<String> send(String method, String path, String json) throws Exception {
    return http.send(
        request(method, path, "loket", json).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String method, String path, String user, String json) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":cetak-demo").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(
            method,
            json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
  }
}
