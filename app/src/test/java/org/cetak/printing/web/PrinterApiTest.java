package org.cetak.printing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.Role;
import org.cetak.support.CetakSpringTest;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

@CetakSpringTest
class PrinterApiTest {

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @Autowired OfficeDirectory offices;
  @Autowired PasswordEncoder passwords;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void operator_sees_the_demo_printers_and_pauses_and_resumes_one() throws Exception {
    HttpResponse<String> list = send("GET", "/api/offices/32.71/printers", "operator", null);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("\"code\":\"PRN-1\"").contains("\"feeder\":");

    long id = printerId("PRN-1");
    HttpResponse<String> paused =
        send("POST", printer(id) + "/pause", "operator", "{\"reason\":\"cleaning\"}");
    assertThat(paused.statusCode()).isEqualTo(200);
    assertThat(paused.body())
        .contains("\"mode\":\"PAUSED\"")
        .contains("paused by operator: cleaning")
        .contains("\"sightings\":[]");

    HttpResponse<String> resumed = send("POST", printer(id) + "/resume", "operator", null);
    assertThat(resumed.body()).contains("\"mode\":\"RUNNING\"");
  }

  @Test
  void only_the_print_room_runs_printers() throws Exception {
    long id = printerId("PRN-2");
    HttpResponse<String> refused = send("POST", printer(id) + "/pause", "loket", null);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("ROLE_REQUIRED");
  }

  @Test
  void an_operator_of_another_office_cannot_run_this_offices_printers() throws Exception {
    long id = printerId("PRN-1");
    if (offices.user("operator-kecamatan").isEmpty()) {
      offices.addUser(
          offices.officeByCode("32.71.03").orElseThrow().id(),
          "operator-kecamatan",
          "Operator Kecamatan Bogor Tengah",
          passwords.encode("cetak-demo"),
          EnumSet.of(Role.OPERATOR));
    }
    Object reason = db.fetchValue("select mode_reason from printer where id = ?", id);

    HttpResponse<String> pause =
        send("POST", printer(id) + "/pause", "operator-kecamatan", "{\"reason\":\"not mine\"}");
    HttpResponse<String> settle =
        send(
            "POST",
            printer(id) + "/jobs/1/settle",
            "operator-kecamatan",
            "{\"sighting\":\"NOWHERE\"}");

    assertThat(List.of(pause, settle))
        .allSatisfy(
            refused -> {
              assertThat(refused.statusCode()).isEqualTo(403);
              assertThat(refused.body()).contains("OTHER_OFFICE");
            });
    assertThat(db.fetchValue("select mode_reason from printer where id = ?", id)).isEqualTo(reason);
  }

  @Test
  void settling_a_job_that_is_not_open_is_refused_and_changes_nothing() throws Exception {
    long id = printerId("PRN-2");
    long jobs = db.fetchCount(DSL.table("print_job"));
    HttpResponse<String> refused =
        send("POST", printer(id) + "/jobs/999999/settle", "operator", "{\"sighting\":\"NOWHERE\"}");
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(refused.body()).contains("NO_SUCH_OPEN_JOB");
    HttpResponse<String> malformed =
        send("POST", printer(id) + "/jobs/1/settle", "operator", "{\"sighting\":\"ON_THE_MOON\"}");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(db.fetchCount(DSL.table("print_job"))).isEqualTo(jobs);
  }

  @Test
  void card_preview_is_a_png_for_officers_only() throws Exception {
    long request = ((Number) db.fetchValue("select min(id) from print_request")).longValue();
    HttpResponse<byte[]> png =
        http.send(
            request(
                    "GET",
                    "/api/offices/32.71/requests/" + request + "/card.png?side=FRONT",
                    "operator",
                    null)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(png.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

    assertThat(
            send("GET", "/api/offices/32.71/requests/" + request + "/card.png", "blanko", null)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            send("GET", "/api/offices/32.71/requests/987654321/card.png", "operator", null)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void a_card_face_that_cannot_be_drawn_is_a_409_problem_naming_the_request() throws Exception {
    long request =
        ((Number)
                db.fetchValue(
                    "select min(r.id) from print_request r join request_payload p on"
                        + " p.request_id = r.id where r.office_id = (select id from office where"
                        + " code = '32.71') and p.photo is not null"))
            .longValue();
    byte[] photo =
        (byte[]) db.fetchValue("select photo from request_payload where request_id = ?", request);
    db.execute(
        "update request_payload set photo = ? where request_id = ?",
        "not a jpeg".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        request);
    try {
      HttpResponse<String> refused =
          send("GET", "/api/offices/32.71/requests/" + request + "/card.png", "operator", null);

      assertThat(refused.statusCode()).isEqualTo(409);
      assertThat(refused.body())
          .contains("\"code\":\"CARD_FACE_UNREADABLE\"")
          .contains("permohonan " + request)
          .doesNotContain("Exception");
    } finally {
      db.execute("update request_payload set photo = ? where request_id = ?", photo, request);
    }
  }

  private String printer(long id) {
    return "/api/offices/32.71/printers/"
        + db.fetchValue("select code from printer where id = ?", id);
  }

  private long printerId(String code) {
    return ((Number)
            db.fetchValue(
                "select p.id from printer p join office o on o.id = p.office_id"
                    + " where o.code = '32.71' and p.code = ?",
                code))
        .longValue();
  }

  private HttpResponse<String> send(String method, String path, String user, String json)
      throws Exception {
    return http.send(
        request(method, path, user, json).build(), HttpResponse.BodyHandlers.ofString());
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
