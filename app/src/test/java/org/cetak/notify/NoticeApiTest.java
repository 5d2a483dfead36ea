package org.cetak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Optional;
import org.cetak.common.Transactions;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.support.CetakSpringTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The SMS API and Kannel's report endpoint over HTTP, with problem documents for refusals. */
@CetakSpringTest
class NoticeApiTest {

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @Autowired OfficeDirectory offices;
  @Autowired Notices notices;
  @Autowired NoticeStore store;
  @Autowired DeliveryReports reports;
  @Autowired Transactions transactions;
  @Autowired Clock clock;

  private final HttpClient http = HttpClient.newHttpClient();
  private Office office;
  private WebNotices web;

  @BeforeEach
  void demoOffice() {
    office = offices.officeByCode("32.71").orElseThrow();
    web = new WebNotices(db, notices, store, reports, transactions, clock);
    store.saveSettings(
        office.id(),
        new NoticeSettings(
            ZoneId.of("Asia/Jakarta"),
            "Senin-Jumat 08.00-15.00",
            LocalTime.MIN,
            LocalTime.MAX,
            CollectableWhen.PRINTED,
            14),
        "test");
  }

  @Test
  void counter_officer_lists_notices_with_masked_phones() throws Exception {
    Notice notice = web.collectable(office.id(), "Vivi", "+6281298765501");

    HttpResponse<String> list =
        send("GET", "/api/offices/32.71/sms/notices?status=PENDING", "loket", null);

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("\"id\":" + notice.id())
        .contains("\"phone\":\"***********501\"")
        .doesNotContain("6281298765501");
  }

  @Test
  void an_operator_may_not_read_notices() throws Exception {
    HttpResponse<String> refused = send("GET", "/api/offices/32.71/sms/notices", "operator", null);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(refused.body()).contains("\"code\":\"ROLE_REQUIRED\"");
  }

  @Test
  void resending_a_notice_that_went_out_is_refused_with_a_problem() throws Exception {
    Notice notice = web.collectable(office.id(), "Wawan", "+6281298765502");
    web.dispatch(notice, new SmsGateway.Outcome.Accepted(Optional.of("x")));

    HttpResponse<String> refused =
        send("POST", "/api/offices/32.71/sms/notices/" + notice.id() + "/resend", "kabid", null);

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("\"code\":\"NOTICE_NOT_RESENDABLE\"");
    assertThat(web.notice(notice.id()).status()).isEqualTo(NoticeStatus.SENT);
  }

  @Test
  void a_template_with_a_character_outside_gsm7_is_refused_naming_it() throws Exception {
    HttpResponse<String> refused =
        send(
            "PUT",
            "/api/offices/32.71/sms/templates/READY",
            "kabid",
            "{\"body\":\"{inisial}. KTP-el sudah jadi di {kantor} – gratis, bawa Suket.\"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("\"code\":\"TEMPLATE_NOT_GSM\"").contains("U+2013");
    assertThat(notices.template(office.id(), NoticeKind.READY))
        .isEqualTo(SmsTemplates.DEFAULTS.get(NoticeKind.READY));
  }

  @Test
  void kannel_report_with_the_token_marks_the_notice_delivered_and_without_it_is_refused()
      throws Exception {
    Notice notice = web.collectable(office.id(), "Xena", "+6281298765503");
    web.dispatch(notice, new SmsGateway.Outcome.Accepted(Optional.empty()));
    String path = "/sms/reports/kannel?notice=" + notice.id() + "&state=1&answer=ACK%2F&foreign=F1";

    HttpResponse<String> forged = send("GET", path + "&token=tebakan", null, null);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("\"code\":\"BAD_REPORT_TOKEN\"");
    assertThat(web.notice(notice.id()).status()).isEqualTo(NoticeStatus.SENT);

    HttpResponse<String> report = send("GET", path + "&token=token-uji-web", null, null);
    assertThat(report.statusCode()).isEqualTo(204);
    Notice delivered = web.notice(notice.id());
    assertThat(delivered.status()).isEqualTo(NoticeStatus.DELIVERED);
    assertThat(delivered.gatewayId()).contains("F1");
  }

  @Test
  void unclaimed_cards_are_listed_for_the_counter() throws Exception {
    HttpResponse<String> list =
        send("GET", "/api/offices/32.71/sms/unclaimed?days=0", "loket", null);

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).startsWith("[");
  }

  private HttpResponse<String> send(String method, String path, String user, String json)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":cetak-demo").getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
