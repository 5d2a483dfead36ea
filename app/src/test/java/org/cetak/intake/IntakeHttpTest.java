package org.cetak.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST API of intake and allocation, on the whole application with the demo backlog. */
@CetakSpringTest
class IntakeHttpTest {

  @LocalServerPort int port;
  @TempDir Path tmp;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
    String auth =
        Base64.getEncoder().encodeToString((user + ":cetak-demo").getBytes(StandardCharsets.UTF_8));
    return http.send(
        request.header("Authorization", "Basic " + auth).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  @Test
  void a_zipped_bundle_uploads_and_a_bad_one_is_refused_with_its_rows() throws Exception {
    Map<String, String> good = Residents.row(7701, LocalDate.of(2008, 7, 1), "FIRST_CARD");
    Map<String, String> bad = Residents.row(7702, LocalDate.of(2008, 7, 1), "FIRST_CARD");
    bad.put("birth_date", "2008-13-01");

    HttpResponse<String> ok = upload(zip(Residents.bundle(tmp.resolve("ok"), List.of(good))));
    HttpResponse<String> refused = upload(zip(Residents.bundle(tmp.resolve("bad"), List.of(bad))));

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body())
        .contains("\"applied\":true")
        .contains("\"created\":1")
        .contains("\"reopened\":0");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("\"line\":2").contains("\"column\":\"birth_date\"");

    HttpResponse<String> why =
        send(
            "loket",
            HttpRequest.newBuilder(uri("/api/offices/32.71/queue/why"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"nik\":\"" + good.get("nik") + "\"}")));
    assertThat(why.statusCode()).isEqualTo(200);
    assertThat(why.body()).contains("\"rule\":\"FIRST_CARD\"").doesNotContain(good.get("nik"));
  }

  @Test
  void a_resident_who_comes_back_is_counted_reopened_and_the_queue_page_links_both_requests()
      throws Exception {
    Map<String, String> first = Residents.row(7711, LocalDate.of(2008, 7, 2), "FIRST_CARD");
    assertThat(upload(zip(Residents.bundle(tmp.resolve("c1"), List.of(first)))).statusCode())
        .isEqualTo(200);
    Map<String, String> dup = Residents.row(7711, LocalDate.of(2008, 7, 2), "FIRST_CARD");
    dup.put("siak_status", "DUPLICATE_RECORD");
    dup.put("siak_status_at", "2025-12-03T09:00:00+07:00");
    assertThat(upload(zip(Residents.bundle(tmp.resolve("c2"), List.of(dup)))).body())
        .contains("\"withdrawn\":1");
    Map<String, String> back = Residents.row(7711, LocalDate.of(2008, 7, 2), "FIRST_CARD");
    back.put("siak_status_at", "2025-12-09T09:00:00+07:00");

    HttpResponse<String> reopened = upload(zip(Residents.bundle(tmp.resolve("c3"), List.of(back))));

    assertThat(reopened.statusCode()).isEqualTo(200);
    assertThat(reopened.body()).contains("\"created\":0").contains("\"reopened\":1");
    HttpResponse<String> why =
        send(
            "loket",
            HttpRequest.newBuilder(uri("/api/offices/32.71/queue/why"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"nik\":\"" + back.get("nik") + "\"}")));
    long now = number(why.body(), "requestId");
    long before = number(why.body(), "previousRequestId");
    assertThat(now).isGreaterThan(before);
    HttpResponse<String> page =
        send("loket", HttpRequest.newBuilder(uri("/queue?office=32.71&request=" + now)).GET());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Menyusul permohonan")
        .contains("id=\"previous-request\"")
        .contains("request=" + before + "\"")
        .contains("menyusul permohonan " + before + " yang sudah ditutup");
    HttpResponse<String> old =
        send("loket", HttpRequest.newBuilder(uri("/queue?office=32.71&request=" + before)).GET());
    assertThat(old.body()).contains("id=\"next-request\"").contains("request=" + now + "\"");
  }

  private static long number(String json, String name) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
    assertThat(m.find()).as(name + " in " + json).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void a_supervisor_edits_the_policy_and_an_unreachable_tier_is_refused() throws Exception {
    String unreachable =
        """
        {"dailyCap": 150, "urgentReserve": 10, "note": "test", "tiers": [
          {"tier": 1, "name": "Semua", "rules": [{"name": "ANY"}]},
          {"tier": 2, "name": "Hilang", "rules": [{"name": "LOST", "reasons": ["LOST"]}]}]}
        """;
    HttpResponse<String> refused =
        send(
            "kabid",
            HttpRequest.newBuilder(uri("/api/offices/32.71/policy"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(unreachable)));
    HttpResponse<String> notAllowed =
        send(
            "loket",
            HttpRequest.newBuilder(uri("/api/offices/32.71/policy"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(unreachable)));
    HttpResponse<String> run =
        send(
            "kabid",
            HttpRequest.newBuilder(uri("/api/offices/32.71/allocation/runs"))
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("POLICY_UNREACHABLE_TIER");
    assertThat(notAllowed.statusCode()).isEqualTo(403);
    assertThat(run.statusCode()).isEqualTo(200);
    assertThat(run.body()).contains("\"runId\"");
  }

  @Test
  void a_zip_cut_short_in_its_upload_is_refused_as_unreadable_and_imports_nothing()
      throws Exception {
    Map<String, String> row = Residents.row(7711, LocalDate.of(2008, 7, 1), "FIRST_CARD");
    byte[] whole = zip(Residents.bundle(tmp.resolve("cut"), List.of(row)));

    HttpResponse<String> cut = upload(Arrays.copyOf(whole, whole.length / 2));

    assertThat(cut.statusCode()).isEqualTo(400);
    assertThat(cut.body())
        .contains("\"code\":\"BUNDLE_NOT_ZIP\"")
        .contains("Berkas b.zip bukan folder dan bukan zip yang dapat dibaca");
    assertThat(upload(whole).body()).contains("\"created\":1");
  }

  private HttpResponse<String> upload(byte[] zip) throws Exception {
    String boundary = "cetak-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"bundle\"; filename=\"b.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(zip);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        "loket",
        HttpRequest.newBuilder(uri("/api/offices/32.71/imports"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static byte[] zip(Path dir) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out);
        var files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        zip.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
