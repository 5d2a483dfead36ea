package org.cetak.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.cetak.office.Audit;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.OfficeKind;
import org.cetak.office.Role;
import org.cetak.security.ConsoleSession;
import org.cetak.support.CetakSpringTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every answer that is not a success is a problem document with a catalogue code, or a page in
 * Indonesian.
 */
@CetakSpringTest
class ApiConventionsTest {

  @LocalServerPort int port;
  @Autowired OfficeDirectory offices;
  @Autowired PasswordEncoder passwords;
  @Autowired Audit audit;
  @Autowired DSLContext db;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void an_unknown_api_address_is_a_404_problem() throws Exception {
    assertProblem(send("GET", "/api/nothing-here", "loket", null), 404, "NOT_FOUND");
  }

  @Test
  void a_wrong_method_is_a_405_problem_that_names_the_allowed_ones() throws Exception {
    HttpResponse<String> answer = send("DELETE", "/api/offices/32.71/printers", "operator", null);
    assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
    assertThat(answer.headers().firstValue("Allow"))
        .hasValueSatisfying(a -> assertThat(a).contains("GET"));
  }

  @Test
  void a_missing_query_parameter_is_a_400_problem_naming_it() throws Exception {
    HttpResponse<String> answer =
        send("GET", "/api/offices/32.71/stock/daily-report", "blanko", null);
    assertProblem(answer, 400, "MISSING_PARAMETER");
    assertThat(answer.body()).contains("'date'");
  }

  @Test
  void a_body_of_a_type_not_taken_is_a_415_problem_naming_what_is() throws Exception {
    HttpResponse<String> untyped = send("POST", "/api/offices/32.71/imports", "loket", null);
    assertProblem(untyped, 415, "UNSUPPORTED_MEDIA_TYPE");
    assertThat(untyped.body())
        .contains("tidak menyebut jenis isinya (Content-Type); yang diterima: multipart/form-data")
        .doesNotContain("null");

    HttpResponse<String> text =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/offices/32.71/stock/drops"))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString("blanko:cetak-demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/plain")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("500 blanko"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(text, 415, "UNSUPPORTED_MEDIA_TYPE");
    assertThat(text.body())
        .contains("A body of type text/plain")
        .contains("is not taken here; accepted: application/json");
  }

  @Test
  void a_malformed_body_is_named_by_its_field_never_by_a_java_class() throws Exception {
    HttpResponse<String> answer =
        send(
            "POST",
            "/api/offices/32.71/stock/drops",
            "blanko",
            "{\"documentNo\":\"BA/X/1\",\"documentDate\":\"2026-11-03\",\"quantity\":\"abc\"}");
    assertProblem(answer, 400, "MALFORMED_BODY");
    assertThat(answer.body())
        .contains("'quantity'")
        .doesNotContain("org.cetak")
        .doesNotContain("$");
  }

  @Test
  void a_bad_date_in_a_body_names_the_field_and_the_format_in_the_callers_language()
      throws Exception {
    String document = "BA/TANGGAL/" + System.nanoTime();
    String body =
        "{\"documentNo\":\"" + document + "\",\"documentDate\":\"03-11-2026\",\"quantity\":10}";
    HttpResponse<String> indonesian =
        send("POST", "/api/offices/32.71/stock/drops", "blanko", body);
    assertProblem(indonesian, 400, "MALFORMED_BODY");
    assertThat(indonesian.body())
        .contains(
            "\"detail\":\"Isi permintaan tidak terbaca: 'documentDate' harus tanggal berformat"
                + " YYYY-MM-DD, misalnya 2026-12-03\"")
        .doesNotContain("?");
    HttpResponse<String> english =
        send("POST", "/api/offices/32.71/stock/drops", "blanko", body, "en");
    assertProblem(english, 400, "MALFORMED_BODY");
    assertThat(english.body())
        .contains(
            "\"detail\":\"The body cannot be read: 'documentDate' must be a date as YYYY-MM-DD,"
                + " for example 2026-12-03\"");
    assertThat(db.fetchCount(db.selectFrom("stock_drop").where("document_no = ?", document)))
        .isZero();
  }

  @Test
  void a_refusal_names_its_dates_as_people_write_them_never_as_iso() throws Exception {
    String body =
        "{\"documentNo\":\"BA/MASA-DEPAN/1\",\"documentDate\":\"2099-01-01\",\"quantity\":1}";

    HttpResponse<String> indonesian =
        send("POST", "/api/offices/32.71/stock/drops", "blanko", body);
    HttpResponse<String> english =
        send("POST", "/api/offices/32.71/stock/drops", "blanko", body, "en");

    assertProblem(indonesian, 400, "DOCUMENT_DATE_IN_FUTURE");
    assertThat(indonesian.body()).contains("1 Jan 2099").doesNotContain("2099-01-01");
    assertThat(english.body()).contains("1 Jan 2099").doesNotContain("2099-01-01");
    assertThat(
            db.fetchCount(db.selectFrom("stock_drop").where("document_no = ?", "BA/MASA-DEPAN/1")))
        .isZero();
  }

  @Test
  void a_loan_of_an_unknown_direction_names_the_choices_in_the_callers_language() throws Exception {
    String body =
        "{\"direction\":\"XYZ\",\"counterpartName\":\"Kantor X\",\"documentNo\":\"PJ-API-XYZ\","
            + "\"quantity\":1}";

    HttpResponse<String> answer = send("POST", "/api/offices/32.71/stock/loans", "blanko", body);

    assertProblem(answer, 400, "INVALID_DIRECTION");
    assertThat(answer.body())
        .contains("meminjamkan ke kantor lain")
        .contains("meminjam dari kantor lain")
        .doesNotContain("harus LEND atau BORROW");
    assertThat(db.fetchCount(db.selectFrom("stock_loan").where("document_no = ?", "PJ-API-XYZ")))
        .isZero();
  }

  @Test
  void no_credentials_and_a_wrong_password_are_401_problems() throws Exception {
    assertProblem(send("GET", "/api/offices/32.71/printers", null, null), 401, "UNAUTHENTICATED");
    assertProblem(
        send("GET", "/api/offices/32.71/printers", "kabid:salah-sandi", null),
        401,
        "UNAUTHENTICATED");
  }

  @Test
  void a_role_without_the_permission_gets_a_403_problem() throws Exception {
    assertProblem(
        send("GET", "/api/offices/32.71/stock/balances", "loket", null), 403, "ROLE_REQUIRED");
  }

  @Test
  void another_office_is_a_403_problem_and_an_unknown_one_a_404() throws Exception {
    if (offices.officeByCode("33.74").isEmpty()) {
      offices.addOffice(
          "33.74", "Kota lain (uji)", OfficeKind.KABUPATEN_KOTA, Optional.empty(), "");
    }
    assertProblem(
        send("POST", "/api/offices/33.74/stock/drops", "blanko", "{}"), 403, "OTHER_OFFICE");
    assertProblem(
        send("GET", "/api/offices/99.99/stock/balances", "blanko", null), 404, "UNKNOWN_OFFICE");
  }

  @Test
  void the_detail_says_what_happened_in_the_callers_language_like_the_title() throws Exception {
    String path = "/api/offices/99.99/stock/balances";
    HttpResponse<String> indonesian = send("GET", path, "blanko", null);
    assertProblem(indonesian, 404, "UNKNOWN_OFFICE");
    assertThat(indonesian.body())
        .contains("\"detail\":\"Tidak ada kantor dengan kode wilayah 99.99\"")
        .doesNotContain("No office");
    HttpResponse<String> english =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "en")
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString("blanko:cetak-demo".getBytes(StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(english, 404, "UNKNOWN_OFFICE");
    assertThat(english.body()).contains("\"detail\":\"No office has the region code 99.99\"");
  }

  @Test
  void the_detail_names_the_value_a_refusal_is_about() throws Exception {
    HttpResponse<String> answer =
        send("POST", "/api/offices/32.71/approvals/987654321/approve", "kabid", "{}");
    assertProblem(answer, 404, "UNKNOWN_APPROVAL");
    assertThat(answer.body())
        .contains("\"detail\":\"Tidak ada persetujuan 987654321 di kantor ini\"");
  }

  @Test
  void a_json_body_over_the_limit_is_refused_with_413_before_it_is_read() throws Exception {
    String big = "{\"note\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    HttpResponse<String> answer = send("POST", "/api/offices/32.71/stock/drops", "blanko", big);
    assertProblem(answer, 413, "PAYLOAD_TOO_LARGE");
    assertThat(answer.body()).contains("batas 1 MB");
  }

  @Test
  void the_console_shows_an_indonesian_error_page_for_an_unknown_address_and_office()
      throws Exception {
    ConsoleSession session = ConsoleSession.signIn(port, "blanko", "cetak-demo");
    HttpResponse<String> unknown = session.get("/tidak-ada");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body())
        .contains("Halaman atau alamat ini tidak ada")
        .contains("NOT_FOUND")
        .doesNotContain("Whitelabel");
    HttpResponse<String> office = session.get("/stock?office=abc");
    assertThat(office.statusCode()).isEqualTo(404);
    assertThat(office.body()).contains("Kantor tidak ditemukan").contains("UNKNOWN_OFFICE");
    HttpResponse<String> denied = ConsoleSession.signIn(port, "loket", "cetak-demo").get("/stock");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).contains("Peran Anda tidak mengizinkan ini");
  }

  @Test
  void a_policy_saved_from_a_stale_version_is_refused_with_409() throws Exception {
    String current = send("GET", "/api/offices/32.71/policy", "kabid", null).body();
    String saved = send("PUT", "/api/offices/32.71/policy", "kabid", current).body();
    assertThat(saved).doesNotContain("\"code\"");
    assertProblem(send("PUT", "/api/offices/32.71/policy", "kabid", current), 409, "STALE_VERSION");
  }

  @Test
  void five_wrong_passwords_lock_the_account_until_an_administrator_unlocks_it() throws Exception {
    String name = "kunci-" + System.nanoTime() % 100000;
    offices.addUser(
        offices.officeByCode("32.71").orElseThrow().id(),
        name,
        "Uji kunci",
        passwords.encode("sandi-yang-benar"),
        Set.of(Role.AUDITOR));
    for (int i = 0; i < 5; i++) {
      assertProblem(
          send("GET", "/api/offices/32.71/printers", name + ":salah", null),
          401,
          "UNAUTHENTICATED");
    }
    assertProblem(
        send("GET", "/api/offices/32.71/printers", name + ":sandi-yang-benar", null),
        401,
        "ACCOUNT_LOCKED");
    assertThat(actions(name)).contains("SIGN_IN_FAILED", "USER_LOCKED", "SIGN_IN_REFUSED");

    assertThat(send("POST", "/api/users/" + name + "/unlock", "admin", null).statusCode())
        .isEqualTo(200);
    assertThat(
            send("GET", "/api/offices/32.71/printers", name + ":sandi-yang-benar", null)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void an_api_token_acts_as_its_role_in_its_office_until_revoked() throws Exception {
    HttpResponse<String> issued =
        send(
            "POST",
            "/api/tokens",
            "admin",
            "{\"name\":\"uji-"
                + System.nanoTime()
                + "\",\"office\":\"32.71\",\"role\":\"AUDITOR\"}");
    assertThat(issued.statusCode()).isEqualTo(201);
    String secret = issued.body().replaceAll("(?s).*\"secret\":\"([^\"]+)\".*", "$1");
    String id = issued.body().replaceAll("(?s).*\"token\":\\{\"id\":(\\d+).*", "$1");

    assertThat(bearer("/api/offices/32.71/stock/reconciliation", secret).statusCode())
        .isEqualTo(200);
    assertProblem(bearer("/api/offices/32.71/stock/drops", secret), 405, "METHOD_NOT_ALLOWED");
    assertThat(send("POST", "/api/tokens/" + id + "/revoke", "admin", null).statusCode())
        .isEqualTo(200);
    assertProblem(
        bearer("/api/offices/32.71/stock/reconciliation", secret), 401, "UNAUTHENTICATED");
  }

  private java.util.List<String> actions(String actor) {
    return audit
        .find(
            new Audit.Query(
                offices.offices().stream().map(o -> o.id()).toList(),
                true,
                Optional.of(actor),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                100))
        .stream()
        .map(Audit.Event::action)
        .toList();
  }

  private HttpResponse<String> bearer(String path, String secret) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + secret)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path, String user, String json)
      throws Exception {
    return send(method, path, user, json, null);
  }

  private HttpResponse<String> send(
      String method, String path, String user, String json, String language) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (language != null) {
      request.header("Accept-Language", language);
    }
    if (user != null) {
      String credentials = user.contains(":") ? user : user + ":cetak-demo";
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(r.body()).contains("\"code\":\"" + code + "\"");
  }
}
