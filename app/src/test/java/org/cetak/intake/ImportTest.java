package org.cetak.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.cetak.allocation.RunTrigger;
import org.cetak.db.testing.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DatabaseTest
class ImportTest {

  private final IntakeFixture f;
  @TempDir Path tmp;

  ImportTest(DataSource dataSource) {
    f = new IntakeFixture(dataSource);
  }

  private ImportReport importDir(Path dir) {
    try (Bundle bundle = Bundle.open(dir)) {
      return f.imports.importBundle(bundle, "32.71", "operator", ImportProgress.none());
    }
  }

  private static Map<String, String> row(int seq) {
    return Residents.row(seq, LocalDate.of(2008, 3, 10), "FIRST_CARD");
  }

  @Test
  void a_bundle_becomes_queued_requests_with_history_payloads_and_normalised_phones() {
    Path dir = Residents.bundle(tmp.resolve("a"), List.of(row(101), row(102), row(103)));

    ImportReport report = importDir(dir);

    assertThat(report.errors()).isEmpty();
    assertThat(report.applied()).isTrue();
    assertThat(report.counts().created()).isEqualTo(3);
    String nik = row(101).get("nik");
    assertThat(f.status(nik)).isEqualTo("QUEUED");
    assertThat(f.queue.card(requestId(nik)).orElseThrow().record().phone())
        .contains("+6281234567890");
    assertThat(f.queue.card(requestId(nik)).orElseThrow().payloads().photo()).isPresent();
    assertThat(events(requestId(nik))).isEqualTo(1);
    assertThat(f.count("import_row")).isZero();
  }

  @Test
  void the_audit_event_of_an_import_names_every_count_and_flag() {
    Map<String, String> badPhone = new java.util.HashMap<>(row(151));
    badPhone.put("phone", "12");
    Path dir = Residents.bundle(tmp.resolve("audit"), List.of(row(150), badPhone));

    importDir(dir);

    String detail =
        f.db
            .fetchValue(
                "select detail from audit_event where action = 'IMPORT' order by id desc limit 1")
            .toString();
    assertThat(detail)
        .isEqualTo(
            "rows 2: new 2, reopened 0, updated 0, withdrawn 0, unchanged 0, not ready 0,"
                + " being printed 0; flagged: birth date 0, sex 0, phone 1, photo 0");
  }

  @Test
  void importing_the_same_file_twice_changes_nothing() {
    Path dir = Residents.bundle(tmp.resolve("twice"), List.of(row(201), row(202)));
    importDir(dir);
    long requests = f.count("print_request");
    long events = f.count("print_request_event");
    long payloads = f.count("request_payload");

    ImportReport again = importDir(dir);

    assertThat(again.applied()).isTrue();
    assertThat(again.counts().noChange()).isTrue();
    assertThat(again.counts().unchanged()).isEqualTo(2);
    assertThat(f.count("print_request")).isEqualTo(requests);
    assertThat(f.count("print_request_event")).isEqualTo(events);
    assertThat(f.count("request_payload")).isEqualTo(payloads);
  }

  @Test
  void a_changed_row_updates_its_queued_request_and_keeps_its_history() {
    importDir(Residents.bundle(tmp.resolve("v1"), List.of(row(301))));
    long requests = f.count("print_request");
    Map<String, String> changed = row(301);
    changed.put("address", "JL. MELATI NO. 9");

    ImportReport report = importDir(Residents.bundle(tmp.resolve("v2"), List.of(changed)));

    assertThat(report.counts().updated()).isEqualTo(1);
    long id = requestId(changed.get("nik"));
    assertThat(f.queue.card(id).orElseThrow().record().address()).isEqualTo("JL. MELATI NO. 9");
    assertThat(events(id)).isEqualTo(2);
    assertThat(f.count("print_request")).isEqualTo(requests);
  }

  @Test
  void a_record_turned_duplicate_upstream_is_withdrawn_and_releases_its_blank() {
    importDir(Residents.bundle(tmp.resolve("prr"), List.of(row(401), row(402))));
    f.blanks.set(2);
    assertThat(f.allocation.run(f.office.id(), RunTrigger.ON_DEMAND, "test").granted())
        .isEqualTo(2);
    Map<String, String> dup = row(401);
    dup.put("siak_status", "DUPLICATE_RECORD");

    ImportReport report = importDir(Residents.bundle(tmp.resolve("dup"), List.of(dup)));

    assertThat(report.counts().withdrawn()).isEqualTo(1);
    String nik = dup.get("nik");
    assertThat(f.status(nik)).isEqualTo("WITHDRAWN");
    long id = requestId(nik);
    assertThat(
            f.db.fetchValue(
                "select count(*) from reservation where request_id = ? and released_at is null",
                id))
        .isEqualTo(0L);
    assertThat(
            f.db
                .fetchValue("select withdrawn_reason from print_request where id = ?", id)
                .toString())
        .contains("DUPLICATE_RECORD");
    assertThat(f.db.fetchValue("select count(*) from request_payload where request_id = ?", id))
        .isEqualTo(0L);
  }

  @Test
  void a_withdrawn_resident_whose_record_is_print_ready_again_gets_a_new_request_after_the_old() {
    importDir(Residents.bundle(tmp.resolve("w1"), List.of(row(1101))));
    Map<String, String> dup = row(1101);
    dup.put("siak_status", "DUPLICATE_RECORD");
    dup.put("siak_status_at", "2025-12-03T09:00:00+07:00");
    assertThat(importDir(Residents.bundle(tmp.resolve("w2"), List.of(dup))).counts().withdrawn())
        .isEqualTo(1);
    String nik = dup.get("nik");
    long withdrawn = requestId(nik);
    long requests = f.count("print_request");
    Map<String, String> resolved = row(1101);
    resolved.put("siak_status_at", "2025-12-08T09:00:00+07:00");
    Path back = Residents.bundle(tmp.resolve("w3"), List.of(resolved, row(1102)));

    ImportReport report = importDir(back);

    assertThat(report.counts().reopened()).isEqualTo(1);
    assertThat(report.counts().created()).isEqualTo(1);
    assertThat(report.counts().unchanged()).isZero();
    assertThat(f.count("print_request")).isEqualTo(requests + 2);
    long reopened = requestId(nik);
    assertThat(reopened).isNotEqualTo(withdrawn);
    assertThat(f.status(nik)).isEqualTo("QUEUED");
    assertThat(statusOf(withdrawn)).isEqualTo("WITHDRAWN");
    assertThat(
            f.db.fetchValue("select previous_request_id from print_request where id = ?", reopened))
        .isEqualTo(withdrawn);
    assertThat(
            f.db.fetchValue(
                "select reason from print_request_event where request_id = ? order by id limit 1",
                reopened))
        .asString()
        .startsWith("follows closed request " + withdrawn + ", imported from ");
    assertThat(f.queue.card(reopened).orElseThrow().payloads().photo()).isPresent();
    org.cetak.allocation.QueueExplanation why = f.allocation.explain(nik);
    assertThat(why.requestId()).isEqualTo(reopened);
    assertThat(why.previousRequestId()).contains(withdrawn);
    assertThat(why.status()).isEqualTo("QUEUED");

    ImportReport again = importDir(back);
    assertThat(again.counts().reopened()).isZero();
    assertThat(again.counts().created()).isZero();
    assertThat(again.counts().unchanged()).isEqualTo(2);
    assertThat(f.count("print_request")).isEqualTo(requests + 2);
  }

  @Test
  void a_resident_back_for_another_card_gets_a_new_request_with_the_new_records_own_fields() {
    importDir(Residents.bundle(tmp.resolve("h1"), List.of(row(1201))));
    String nik = row(1201).get("nik");
    long handedOver = requestId(nik);
    f.db.execute("update print_request set status = 'HANDED_OVER' where id = ?", handedOver);
    new org.cetak.request.jooq.JooqPersonalDataStore(f.db).erase(handedOver, f.clock.instant());
    long requests = f.count("print_request");

    ImportReport sameRecord = importDir(Residents.bundle(tmp.resolve("h2"), List.of(row(1201))));

    assertThat(sameRecord.counts().unchanged()).isEqualTo(1);
    assertThat(sameRecord.counts().created() + sameRecord.counts().reopened()).isZero();
    assertThat(f.count("print_request")).isEqualTo(requests);

    Map<String, String> lost = Residents.row(1201, LocalDate.of(2008, 3, 10), "LOST");
    lost.put("siak_status_at", "2026-01-02T10:00:00+07:00");
    lost.put("address", "JL. KENANGA NO. 5");
    ImportReport report = importDir(Residents.bundle(tmp.resolve("h3"), List.of(lost)));

    assertThat(report.counts().reopened()).isEqualTo(1);
    assertThat(report.counts().created()).isZero();
    long reopened = requestId(nik);
    assertThat(reopened).isNotEqualTo(handedOver);
    assertThat(f.status(nik)).isEqualTo("QUEUED");
    assertThat(statusOf(handedOver)).isEqualTo("HANDED_OVER");
    ResidentRecord record = f.queue.card(reopened).orElseThrow().record();
    assertThat(record.address()).isEqualTo("JL. KENANGA NO. 5");
    assertThat(record.kk()).isEqualTo(lost.get("kk"));
    assertThat(record.birthDate()).isEqualTo(LocalDate.of(2008, 3, 10));
    assertThat(record.reason()).isEqualTo(RequestReason.LOST);
    assertThat(
            f.db.fetchValue("select previous_request_id from print_request where id = ?", reopened))
        .isEqualTo(handedOver);
    assertThat(f.db.fetchValue("select address from print_request where id = ?", handedOver))
        .isEqualTo("");
    assertThat(f.db.fetchValue("select reopened from import_batch where id = ?", report.importId()))
        .isEqualTo(1);
  }

  @Test
  void a_resident_back_while_another_office_holds_an_active_request_is_refused_as_double_data() {
    importDir(Residents.bundle(tmp.resolve("o1"), List.of(row(1301))));
    String nik = row(1301).get("nik");
    f.db.execute("update print_request set status = 'HANDED_OVER' where id = ?", requestId(nik));
    if (f.offices.officeByCode("32.03").isEmpty()) {
      f.offices.addOffice(
          "32.03",
          "Disdukcapil Kabupaten Cianjur",
          org.cetak.office.OfficeKind.KABUPATEN_KOTA,
          java.util.Optional.empty(),
          "");
    }
    Map<String, String> moved = Residents.row(1301, LocalDate.of(2008, 3, 10), "MOVED_IN");
    moved.put("siak_status_at", "2026-01-02T10:00:00+07:00");
    try (Bundle bundle = Bundle.open(Residents.bundle(tmp.resolve("o2"), List.of(moved)))) {
      assertThat(
              f.imports.importBundle(bundle, "32.03", "operator", ImportProgress.none()).applied())
          .isTrue();
    }
    long requests = f.count("print_request");
    Map<String, String> again = Residents.row(1301, LocalDate.of(2008, 3, 10), "LOST");
    again.put("siak_status_at", "2026-01-03T10:00:00+07:00");

    ImportReport report = importDir(Residents.bundle(tmp.resolve("o3"), List.of(again)));

    assertThat(report.applied()).isFalse();
    assertThat(report.errors().get(0).reason()).contains("double data").contains("32.03");
    assertThat(f.count("print_request")).isEqualTo(requests);
  }

  @Test
  void a_nik_whose_date_or_sex_disagrees_is_flagged_not_dropped() {
    Map<String, String> odd = row(501);
    odd.put("birth_date", "2008-03-11");
    odd.put("sex", "P");
    odd.put("phone", "12345");

    ImportReport report = importDir(Residents.bundle(tmp.resolve("odd"), List.of(odd)));

    assertThat(report.applied()).isTrue();
    assertThat(report.flagged())
        .containsEntry(RecordFlag.NIK_DATE_MISMATCH, 1L)
        .containsEntry(RecordFlag.NIK_SEX_MISMATCH, 1L)
        .containsEntry(RecordFlag.PHONE_INVALID, 1L);
    assertThat(f.queue.card(requestId(odd.get("nik"))).orElseThrow().flags())
        .contains(RecordFlag.NIK_DATE_MISMATCH, RecordFlag.PHONE_INVALID);
  }

  @Test
  void every_bad_row_is_reported_with_line_and_column_and_nothing_is_written() {
    long before = f.count("print_request");
    long batches = f.count("import_batch");
    Map<String, String> unknownRegion = row(601);
    unknownRegion.put("nik", "9999990303080001");
    Map<String, String> impossibleDate = row(602);
    impossibleDate.put("birth_date", "2008-02-30");
    Map<String, String> badReason = row(603);
    badReason.put("reason", "BORED");

    ImportReport report =
        importDir(
            Residents.bundle(
                tmp.resolve("bad"), List.of(row(600), unknownRegion, impossibleDate, badReason)));

    assertThat(report.applied()).isFalse();
    assertThat(report.errors())
        .extracting(RowError::line, RowError::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, "nik"),
            org.assertj.core.groups.Tuple.tuple(4L, "birth_date"),
            org.assertj.core.groups.Tuple.tuple(5L, "reason"));
    assertThat(report.errors().get(0).reason()).contains("unknown kecamatan code 999999");
    assertThat(f.count("print_request")).isEqualTo(before);
    assertThat(f.count("import_batch")).isEqualTo(batches);
  }

  @Test
  void a_semicolon_separated_export_gets_one_error_naming_the_delimiter() throws IOException {
    String header = String.join(";", row(710).keySet());
    String good = csvLine(row(710)).replace(',', ';');
    Path dir = tmp.resolve("semicolon");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("records.csv"), header + "\n" + good + "\n");
    ImportReport report = importDir(dir);
    assertThat(report.applied()).isFalse();
    assertThat(report.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("titik koma (;)").contains("semicolons"));
  }

  @Test
  void a_windows_1252_export_gets_one_error_naming_the_encoding() throws IOException {
    String header = String.join(",", row(711).keySet());
    Path dir = tmp.resolve("cp1252");
    Files.createDirectories(dir);
    byte[] body =
        (header + "\n" + csvLine(row(711)).replace("BOGOR", "BOG\u00c9R") + "\n")
            .getBytes(java.nio.charset.Charset.forName("windows-1252"));
    Files.write(dir.resolve("records.csv"), body);
    ImportReport report = importDir(dir);
    assertThat(report.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("Windows-1252").contains("CSV UTF-8"));
  }

  @Test
  void malformed_csv_is_refused_with_a_clear_error() throws IOException {
    String header = String.join(",", row(700).keySet());
    String good = csvLine(row(700));
    assertRefused(
        "broken",
        header + "\n" + good + "\n\"unclosed," + good.substring(20) + "\n",
        "quoted field is not closed");
    assertRefused("columns", header + "\n" + good + ",extra\n", "has 31 fields, the header has 30");
    assertRefused("unknown", header + ",nickname\n" + good + ",X\n", "unknown column");
    Path utf = tmp.resolve("utf8");
    Files.createDirectories(utf);
    byte[] bad =
        (header + "\n" + good.replace("BOGOR", "BOG\u00d6R") + "\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(utf.resolve("records.csv"), bad);
    assertThat(importDir(utf).errors().get(0).reason()).contains("invalid UTF-8");
    Path huge = tmp.resolve("huge");
    Files.createDirectories(huge);
    try (OutputStream out = Files.newOutputStream(huge.resolve("records.csv"))) {
      out.write((header + "\n").getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "A".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 10; i++) {
        out.write(chunk);
      }
      out.write('\n');
    }
    ImportReport report = importDir(huge);
    assertThat(report.applied()).isFalse();
    assertThat(report.errors().get(0).toString())
        .isEqualTo("line 2: the line is longer than 65536 characters");
  }

  @Test
  void a_second_active_request_for_a_nik_at_another_office_is_refused_as_double_data() {
    importDir(Residents.bundle(tmp.resolve("first"), List.of(row(801))));
    f.offices.addOffice(
        "32.01",
        "Disdukcapil Kabupaten Bogor",
        org.cetak.office.OfficeKind.KABUPATEN_KOTA,
        java.util.Optional.empty(),
        "");

    ImportReport report;
    try (Bundle bundle =
        Bundle.open(Residents.bundle(tmp.resolve("second"), List.of(row(802), row(801))))) {
      report = f.imports.importBundle(bundle, "32.01", "operator", ImportProgress.none());
    }

    assertThat(report.applied()).isFalse();
    assertThat(report.errors()).hasSize(1);
    assertThat(report.errors().get(0).line()).isEqualTo(3);
    assertThat(report.errors().get(0).reason()).contains("double data").contains("32.71");
  }

  @Test
  void the_same_nik_twice_in_one_file_is_refused() {
    ImportReport report =
        importDir(Residents.bundle(tmp.resolve("twin"), List.of(row(901), row(901))));

    assertThat(report.applied()).isFalse();
    assertThat(report.errors().get(0).toString()).contains("line 3").contains("already on line 2");
  }

  @Test
  void a_zip_bundle_and_a_json_bundle_import_like_a_directory() throws IOException {
    Path dir = Residents.bundle(tmp.resolve("z"), List.of(row(1001)));
    Path zip = tmp.resolve("bundle.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (String name : List.of("records.csv", "photos/1001.jpg")) {
        out.putNextEntry(new ZipEntry("export/" + name));
        out.write(Files.readAllBytes(dir.resolve(name)));
        out.closeEntry();
      }
    }
    try (Bundle bundle = Bundle.open(zip)) {
      ImportReport report =
          f.imports.importBundle(bundle, "32.71", "operator", ImportProgress.none());
      assertThat(report.errors()).isEmpty();
      assertThat(report.counts().created()).isEqualTo(1);
    }
    Path json = tmp.resolve("j");
    Files.createDirectories(json);
    Map<String, String> r = row(1002);
    r.put("photo", "");
    StringBuilder body = new StringBuilder("[\n  {");
    r.forEach((k, v) -> body.append('"').append(k).append("\": \"").append(v).append("\", "));
    body.setLength(body.length() - 2);
    body.append("}\n]\n");
    Files.writeString(json.resolve("records.json"), body);
    ImportReport report = importDir(json);
    assertThat(report.errors()).isEmpty();
    assertThat(report.flagged()).containsEntry(RecordFlag.PHOTO_MISSING, 1L);
  }

  @Test
  void a_zip_rows_oversized_photo_and_its_row_naming_an_entry_outside_the_bundle_are_refused()
      throws IOException {
    Path dir = Residents.bundle(tmp.resolve("zs"), List.of(row(1101), row(1102)));
    String csv =
        Files.readString(dir.resolve("records.csv")).replace("photos/1102.jpg", "../1102.jpg");
    Path zip = tmp.resolve("slip.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("records.csv"));
      out.write(csv.getBytes(StandardCharsets.UTF_8));
      out.putNextEntry(new ZipEntry("photos/1101.jpg"));
      out.write(Files.readAllBytes(dir.resolve("photos/1101.jpg")));
      out.write(new byte[(int) Bundle.MAX_PAYLOAD_BYTES]);
      out.putNextEntry(new ZipEntry("../1102.jpg"));
      out.write(Files.readAllBytes(dir.resolve("photos/1102.jpg")));
      out.closeEntry();
    }
    long before = f.count("print_request");

    try (Bundle bundle = Bundle.open(zip)) {
      ImportReport report =
          f.imports.importBundle(bundle, "32.71", "operator", ImportProgress.none());

      assertThat(report.applied()).isFalse();
      assertThat(report.errors())
          .extracting(RowError::reason)
          .anySatisfy(r -> assertThat(r).contains("'photos/1101.jpg' is larger than 2048 KB"))
          .anySatisfy(r -> assertThat(r).contains("'../1102.jpg' must be relative"));
    }
    assertThat(f.count("print_request")).isEqualTo(before);
  }

  @Test
  void a_json_field_of_the_wrong_type_is_reported_once() throws IOException {
    Path json = tmp.resolve("typed");
    Files.createDirectories(json);
    Map<String, String> r = row(1003);
    r.put("photo", "");
    StringBuilder body = new StringBuilder("[\n  {");
    r.forEach(
        (k, v) ->
            body.append('"')
                .append(k)
                .append("\": ")
                .append(k.equals("nik") ? v : "\"" + v + "\"")
                .append(", "));
    body.setLength(body.length() - 2);
    body.append("}\n]\n");
    Files.writeString(json.resolve("records.json"), body);
    ImportReport report = importDir(json);
    assertThat(report.applied()).isFalse();
    assertThat(report.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("must be text"));
  }

  private void assertRefused(String name, String csv, String reason) throws IOException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("records.csv"), csv);
    long before = f.count("print_request");
    ImportReport report = importDir(dir);
    assertThat(report.applied()).isFalse();
    assertThat(report.errors()).isNotEmpty();
    assertThat(report.errors().get(0).reason()).contains(reason);
    assertThat(f.count("print_request")).isEqualTo(before);
  }

  private static String csvLine(Map<String, String> row) {
    return String.join(",", row.values().stream().map(Residents::quote).toList());
  }

  private long events(long requestId) {
    return ((Number)
            f.db.fetchValue(
                "select count(*) from print_request_event where request_id = ?", requestId))
        .longValue();
  }

  private String statusOf(long requestId) {
    return (String) f.db.fetchValue("select status from print_request where id = ?", requestId);
  }

  private long requestId(String nik) {
    return ((Number) f.db.fetchValue("select max(id) from print_request where nik = ?", nik))
        .longValue();
  }
}
