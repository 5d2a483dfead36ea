package org.cetak.sim.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.cetak.sim.time.VirtualTimeline;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RegistryServerTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void residents_are_deterministic_and_nik_matches_birth_date_and_sex() {
    List<Resident> a = new SyntheticResidents(7).first(200);
    List<Resident> b = new SyntheticResidents(7).first(200);
    Set<String> niks = new HashSet<>();
    for (int i = 0; i < a.size(); i++) {
      Resident r = a.get(i);
      assertThat(r.fields()).isEqualTo(b.get(i).fields());
      assertThat(r.photoJpeg()).isEqualTo(b.get(i).photoJpeg()).hasSizeLessThanOrEqualTo(4096);
      assertThat(r.signaturePng()).hasSizeLessThanOrEqualTo(1024);
      assertThat(r.fingerprints()).hasSizeLessThanOrEqualTo(1024);
      String nik = r.nik();
      assertThat(nik).matches("\\d{16}").startsWith(r.field("kk").substring(0, 4));
      assertThat(List.of("3271", "3510", "3471", "3319")).contains(nik.substring(0, 4));
      LocalDate birth = LocalDate.parse(r.field("birth_date"));
      int day = Integer.parseInt(nik.substring(6, 8));
      assertThat(day).isEqualTo(birth.getDayOfMonth() + (r.field("sex").equals("P") ? 40 : 0));
      assertThat(nik.substring(8, 12))
          .isEqualTo(String.format("%02d%02d", birth.getMonthValue(), birth.getYear() % 100));
      assertThat(niks.add(nik)).as("unique NIK").isTrue();
    }
    assertThat(new SyntheticResidents(8).resident(0).nik()).isNotEqualTo(a.get(0).nik());
  }

  @Test
  void pages_of_records_with_payloads_then_one_record_then_a_printed_push() throws Exception {
    VirtualTimeline clock = new VirtualTimeline(Instant.parse("2026-01-05T01:00:00Z"));
    try (RegistryServer server =
        new RegistryServer(new SyntheticResidents(3), RegistryBehaviour.healthy(25, 3), clock)
            .start("127.0.0.1", 0)) {
      JsonNode page1 = get(server, "/prr?limit=10").body;
      assertThat(page1.get("records").size()).isEqualTo(10);
      JsonNode first = page1.get("records").get(0);
      for (String f :
          List.of(
              "nik",
              "kk",
              "name",
              "sex",
              "birth_place",
              "birth_date",
              "blood_type",
              "address",
              "rt",
              "rw",
              "village",
              "district",
              "regency",
              "province",
              "religion",
              "marital_status",
              "occupation",
              "citizenship",
              "siak_status",
              "siak_status_at",
              "reason",
              "urgent_reason",
              "vulnerable",
              "disabled",
              "suket_number",
              "suket_date",
              "phone",
              "photo_jpeg_base64",
              "signature_png_base64",
              "fingerprints_base64")) {
        assertThat(first.has(f)).as(f).isTrue();
      }
      BufferedImage face =
          ImageIO.read(
              new ByteArrayInputStream(
                  Base64.getDecoder().decode(first.get("photo_jpeg_base64").asString())));
      assertThat(face.getWidth()).isEqualTo(120);

      String next = page1.get("next").asString();
      JsonNode page3 =
          get(
                  server,
                  "/prr?limit=10&after="
                      + get(server, "/prr?limit=10&after=" + next).body.get("next").asString())
              .body;
      assertThat(page3.get("records").size()).isEqualTo(5);
      JsonNode end = get(server, "/prr?after=" + page3.get("next").asString()).body;
      assertThat(end.get("records").size()).isZero();
      assertThat(end.get("next").asString()).isEqualTo(page3.get("next").asString());

      String nik = first.get("nik").asString();
      assertThat(get(server, "/prr/" + nik).body.get("name").asString())
          .isEqualTo(first.get("name").asString());
      assertThat(get(server, "/prr/3271010101010001").status).isEqualTo(404);
      assertThat(get(server, "/prr?limit=0").status).isEqualTo(400);

      String push =
          "{\"nik\":\""
              + nik
              + "\",\"printed_at\":\"2026-01-05T09:00:00+07:00\","
              + "\"card_uid\":\"04A1B2C3D4E5F6\",\"office_code\":\"3271\"}";
      assertThat(post(server, push)).isEqualTo(202);
      assertThat(post(server, "{\"nik\":\"" + nik + "\"}")).isEqualTo(400);
      assertThat(post(server, "not json")).isEqualTo(400);
      assertThat(server.printedReports())
          .singleElement()
          .satisfies(p -> assertThat(p.cardUid()).isEqualTo("04A1B2C3D4E5F6"));
    }
  }

  @Test
  void an_outage_on_the_simulated_clock_answers_503_and_records_nothing() throws Exception {
    VirtualTimeline clock = new VirtualTimeline(Instant.parse("2026-01-05T01:00:00Z"));
    RegistryBehaviour down3days =
        new RegistryBehaviour(
            5,
            1,
            Duration.ZERO,
            0,
            List.of(
                new RegistryBehaviour.Outage(
                    Instant.parse("2026-01-06T00:00:00Z"), Duration.ofDays(3))));
    try (RegistryServer server =
        new RegistryServer(new SyntheticResidents(1), down3days, clock).start("127.0.0.1", 0)) {
      assertThat(get(server, "/prr").status).isEqualTo(200);
      clock.advance(Duration.ofDays(1));
      assertThat(get(server, "/prr").status).isEqualTo(503);
      assertThat(
              post(
                  server,
                  "{\"nik\":\"1\",\"printed_at\":\"x\",\"card_uid\":\"y\",\"office_code\":\"z\"}"))
          .isEqualTo(503);
      assertThat(server.printedReports()).isEmpty();
      clock.advance(Duration.ofDays(3));
      assertThat(get(server, "/prr").status).isEqualTo(200);
    }
  }

  @Test
  void a_push_sent_again_with_its_key_is_answered_with_the_first_reference_and_recorded_once()
      throws Exception {
    try (RegistryServer server =
        new RegistryServer(
                new SyntheticResidents(1),
                RegistryBehaviour.healthy(1, 1),
                new VirtualTimeline(Instant.parse("2026-01-05T01:00:00Z")))
            .start("127.0.0.1", 0)) {
      String printed =
          "{\"nik\":\"3271010101900001\",\"printed_at\":\"2026-01-05T09:00:00+07:00\","
              + "\"card_uid\":\"04A1B2C3\",\"office_code\":\"32.71\",\"key\":\"32.71-1\"}";
      String handed =
          "{\"nik\":\"3271010101900001\",\"handed_at\":\"2026-01-06T09:00:00+07:00\","
              + "\"card_uid\":\"04A1B2C3\",\"office_code\":\"32.71\",\"key\":\"32.71-1\"}";

      Answer first = send(server, "/printed", printed);
      Answer again = send(server, "/printed", printed);
      Answer handover = send(server, "/handed-over", handed);

      assertThat(first.status).isEqualTo(202);
      assertThat(again.status).isEqualTo(200);
      assertThat(again.body.get("duplicate").asBoolean()).isTrue();
      assertThat(again.body.get("reference").asString())
          .isEqualTo(first.body.get("reference").asString());
      assertThat(handover.status).isEqualTo(202);
      assertThat(server.printedReports())
          .singleElement()
          .satisfies(p -> assertThat(p.key()).isEqualTo("32.71-1"));
      assertThat(server.handoverReports())
          .singleElement()
          .satisfies(p -> assertThat(p.at()).isEqualTo("2026-01-06T09:00:00+07:00"));
      assertThat(server.duplicatePushes()).isEqualTo(1);
    }
  }

  @Test
  void a_failure_rate_of_one_fails_every_request() throws Exception {
    try (RegistryServer server =
        new RegistryServer(
                new SyntheticResidents(1),
                new RegistryBehaviour(5, 1, Duration.ZERO, 1.0, List.of()),
                new VirtualTimeline(Instant.EPOCH))
            .start("127.0.0.1", 0)) {
      assertThat(get(server, "/prr").status).isEqualTo(500);
    }
  }

  private record Answer(int status, JsonNode body) {}

  private Answer get(RegistryServer s, String path) throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(s.url() + path)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(r.statusCode(), json.readTree(r.body()));
  }

  private Answer send(RegistryServer s, String path, String body) throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(s.url() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(r.statusCode(), json.readTree(r.body()));
  }

  private int post(RegistryServer s, String body) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(s.url() + "/printed"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
