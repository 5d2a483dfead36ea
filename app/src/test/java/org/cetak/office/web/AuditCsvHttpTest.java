package org.cetak.office.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.cetak.office.OfficeDirectory;
import org.cetak.support.CetakSpringTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit trail's CSV export words its events as the audit page does, in the reader's language
 * (Bahasa Indonesia unless English is chosen), and keeps the action's code beside its wording.
 */
@CetakSpringTest
class AuditCsvHttpTest {

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @Autowired OfficeDirectory offices;

  private final HttpClient http = HttpClient.newHttpClient();
  private String actor;

  @BeforeEach
  void twoEvents() {
    actor = "uji-" + UUID.randomUUID().toString().substring(0, 8);
    long office = offices.officeByCode("32.71").orElseThrow().id();
    String insert =
        "insert into audit_event (office_id, actor, action, subject, detail, occurred_at)"
            + " values (?, ?, ?, ?, ?, ?::timestamptz)";
    db.execute(
        insert,
        office,
        actor,
        "SIGN_IN_FAILED",
        "user " + actor,
        "from 10.0.0.7, wrong password 2 of 5",
        "2026-12-03T09:42:53Z");
    db.execute(
        insert,
        office,
        actor,
        "LOSS_REPORTED",
        "loss report BA-KH/77",
        "12 blanks from FEEDER(printer 1)",
        "2026-12-03T09:43:10Z");
  }

  @Test
  void the_csv_is_worded_in_indonesian_by_default() throws Exception {
    assertThat(csv(""))
        .containsExactly(
            "id,Waktu,Pelaku,Tindakan,Kode tindakan,Subjek,Rincian",
            "#,3 Des 2026 16.43.10,"
                + actor
                + ",Kehilangan dilaporkan,LOSS_REPORTED,berita acara kehilangan BA-KH/77,12 blanko"
                + " dari Feeder printer 1",
            "#,3 Des 2026 16.42.53,"
                + actor
                + ",Gagal masuk,SIGN_IN_FAILED,pengguna "
                + actor
                + ",\"dari 10.0.0.7, kata sandi salah 2 dari 5\"");
  }

  @Test
  void the_csv_is_worded_in_english_when_english_is_chosen() throws Exception {
    assertThat(csv("&lang=en"))
        .containsExactly(
            "id,Time,Actor,Action,Action code,Subject,Detail",
            "#,3 Dec 2026 16:43:10,"
                + actor
                + ",Loss reported,LOSS_REPORTED,loss report BA-KH/77,12 blanks from Feeder of printer"
                + " 1",
            "#,3 Dec 2026 16:42:53,"
                + actor
                + ",Sign-in failed,SIGN_IN_FAILED,user "
                + actor
                + ",\"from 10.0.0.7, wrong password 2 of 5\"");
  }

  /** The export's lines, each event's id replaced by {@code #}. */
  private List<String> csv(String language) throws IOException, InterruptedException {
    String credentials = "inspektorat:cetak-demo";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/api/offices/32.71/audit.csv?actor="
                            + actor
                            + language))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    return response.body().lines().map(l -> l.replaceFirst("^\\d+,", "#,")).toList();
  }
}
