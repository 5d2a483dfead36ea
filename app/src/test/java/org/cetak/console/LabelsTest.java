package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.cetak.approval.Approval;
import org.cetak.printing.device.PrinterCondition;
import org.cetak.stock.Printer;
import org.cetak.stock.Printers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

class LabelsTest {

  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  private final Labels labels = new Labels(bundles(), new OnePrinter());

  /** The register of an office with one printer, PRN-1, number 3. */
  private static final class OnePrinter implements Printers {
    private static final Printer PRN_1 = new Printer(3, 1, "PRN-1", "Printer 1", "sim");

    @Override
    public Printer register(long officeId, String code, String name, String model) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Printer> find(long officeId, String code) {
      return Optional.of(PRN_1).filter(p -> p.code().equals(code));
    }

    @Override
    public Optional<Printer> byId(long printerId) {
      return Optional.of(PRN_1).filter(p -> p.id() == printerId);
    }

    @Override
    public List<Printer> list(long officeId) {
      return List.of(PRN_1);
    }
  }

  @Test
  void a_station_step_is_the_printers_own_doing_whether_it_names_the_printer_or_its_number() {
    assertThat(labels.actor("station:3", INDONESIAN)).isEqualTo("Printer PRN-1 (otomatis)");
    assertThat(labels.actor("station:PRN-1", INDONESIAN)).isEqualTo("Printer PRN-1 (otomatis)");
    assertThat(labels.actor("station:3", Locale.ENGLISH)).isEqualTo("Printer PRN-1 (automatic)");
    assertThat(labels.actor("station:99", INDONESIAN)).isEqualTo("Printer #99 (otomatis)");
    assertThat(labels.actor("kabid", INDONESIAN)).isEqualTo("kabid");
  }

  @Test
  void a_chip_encoders_pcsc_fault_leads_with_its_meaning_in_indonesian_and_keeps_the_device_text() {
    String raw = "SCARD_W_UNRESPONSIVE_CARD: chip 04DD0622A7CFF0 does not answer on SIM 0";

    assertThat(labels.deviceDetail(raw, INDONESIAN))
        .isEqualTo(
            "Keterangan perangkat: Chip kartu tidak menjawab pembaca (chip rusak atau kartu tidak"
                + " tepat di stasiun chip)");
    assertThat(labels.deviceExplained(raw)).isTrue();
    assertThat(labels.deviceText(raw, INDONESIAN)).isEqualTo("Teks perangkat: " + raw);
    assertThat(labels.deviceDetail("Card not present", INDONESIAN))
        .isEqualTo("Keterangan perangkat: Tidak ada kartu di pembaca chip");
    assertThat(labels.deviceDetail(raw, Locale.ENGLISH))
        .startsWith("Device report: The card's chip");
  }

  @Test
  void every_pcsc_fault_cetak_knows_is_worded_in_both_languages() {
    for (String code : Labels.PCSC_FAULTS) {
      String text = code + ": from the reader";
      assertThat(labels.deviceDetail(text, INDONESIAN)).as(code).doesNotContain("SCARD_");
      assertThat(labels.deviceDetail(text, Locale.ENGLISH)).as(code).doesNotContain("SCARD_");
    }
  }

  @Test
  void a_device_text_of_no_known_fault_shows_as_it_came() {
    assertThat(labels.deviceDetail("no reply to Rst", INDONESIAN))
        .isEqualTo("Keterangan perangkat: no reply to Rst");
    assertThat(labels.deviceExplained("no reply to Rst")).isFalse();
    assertThat(labels.deviceExplained("SCARD_E_SOMETHING_NEW")).isFalse();
  }

  /**
   * What the command line prints of its own ({@code cli.*}) is worded in both languages, the
   * English differently: a command prints the Indonesian, then the English beside it.
   */
  @Test
  void every_command_line_wording_is_in_indonesian_and_english() throws IOException {
    Properties indonesian = load("i18n/messages.properties");
    Properties english = load("i18n/messages_en.properties");
    List<String> keys =
        indonesian.stringPropertyNames().stream()
            .filter(k -> k.startsWith("cli."))
            .sorted()
            .toList();

    assertThat(keys).contains("cli.refused", "cli.import.applied", "cli.allocate.run");
    assertThat(english.stringPropertyNames().stream().filter(k -> k.startsWith("cli.")).sorted())
        .containsExactlyElementsOf(keys);
    for (String key : keys) {
      assertThat(english.getProperty(key)).as(key).isNotEqualTo(indonesian.getProperty(key));
    }
  }

  /**
   * A message with arguments goes through {@link java.text.MessageFormat}, where an apostrophe
   * starts a quotation: it is written twice ({@code card''s}), or the reader sees "cards" and the
   * values after it are not filled in. A message without arguments is printed as it is written.
   */
  @Test
  void every_apostrophe_of_a_message_with_arguments_is_written_twice() throws IOException {
    List<String> lone = new ArrayList<>();
    for (String bundle : List.of("messages", "labels", "counter", "queue")) {
      for (String resource : List.of(bundle, bundle + "_en")) {
        Properties properties = load("i18n/" + resource + ".properties");
        for (String key : properties.stringPropertyNames()) {
          String text = properties.getProperty(key);
          boolean formatted = ARGUMENT.matcher(text).find();
          String unquoted = text.replace("''", "").replace("'{'", "").replace("'}'", "");
          if (formatted ? unquoted.contains("'") : text.contains("''")) {
            lone.add(resource + ": " + key);
          }
        }
      }
    }
    assertThat(lone).isEmpty();
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = LabelsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

  private static ResourceBundleMessageSource bundles() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("i18n/messages", "i18n/labels");
    messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  @AfterEach
  void resetLanguage() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void a_card_of_unknown_outcome_reads_in_its_history_by_its_cause_not_the_devices_text() {
    assertThat(
            labels.requestNote(
                Optional.of("CARD_NOT_AT_CHIP"),
                "card expected at the chip station, printer reports NONE",
                INDONESIAN))
        .isEqualTo(
            "Hasil cetak tidak diketahui — menunggu keputusan operator: kartu tidak berada di"
                + " stasiun chip saat chip akan ditulis");
    assertThat(labels.requestNote(Optional.empty(), "printed, chip 04A1", INDONESIAN))
        .isEqualTo("tercetak, chip 04A1");
  }

  @Test
  void a_pause_reason_names_the_officer_and_the_sighting_in_the_readers_language() {
    assertThat(labels.printerReason("paused by budi: ribbon change", INDONESIAN))
        .isEqualTo("dijeda oleh budi: ribbon change");
    assertThat(
            labels.printerReason(
                "settled by budi: NOWHERE; resume when the printer is ready", INDONESIAN))
        .isEqualTo("ditetapkan oleh budi: tidak ditemukan");
    assertThat(labels.printerReason("paused by budi", Locale.ENGLISH)).isEqualTo("paused by budi");
    assertThat(labels.printerReason(PrinterCondition.RIBBON.advice(), INDONESIAN))
        .isEqualTo("pita habis atau tidak terpasang: ganti pita");
  }

  @Test
  void a_payload_damaged_in_the_zip_reads_in_both_languages_without_the_inflaters_words() {
    String reason =
        "cannot read 'photos/1.jpg': its compressed data is damaged: invalid block type";
    assertThat(labels.rowReason(reason, INDONESIAN))
        .isEqualTo("berkas 'photos/1.jpg' rusak: data terkompresinya rusak");
    assertThat(labels.rowReason(reason, Locale.ENGLISH))
        .isEqualTo("cannot read 'photos/1.jpg': its compressed data is damaged");
    assertThat(labels.rowReason("cannot read 'p.jpg': the zip ends inside it", INDONESIAN))
        .isEqualTo("berkas 'p.jpg' terpotong: zip berakhir sebelum isinya selesai");
    assertThat(
            labels.rowReason("cannot read 'p.jpg': its data does not match its size", INDONESIAN))
        .isEqualTo("berkas 'p.jpg' rusak: ukurannya tidak cocok dengan yang tercatat di zip");
  }

  @Test
  void a_device_message_of_no_known_form_shows_as_it_is() {
    assertThat(labels.printerReason("E-17 firmware fault", INDONESIAN))
        .isEqualTo("E-17 firmware fault");
  }

  @Test
  void request_history_notes_read_in_indonesian() {
    LocaleContextHolder.setLocale(INDONESIAN);
    assertThat(labels.requestNote("printed, chip 04A1B2C3")).isEqualTo("tercetak, chip 04A1B2C3");
    assertThat(labels.requestNote("reserved by allocation run 7, tier 1, rule lansia, rank 3"))
        .isEqualTo("mendapat blanko pada alokasi 7, tingkat 1, aturan lansia, urutan 3");
    assertThat(labels.requestNote("spoiled (ENCODE_FAIL): chip MUTE: no answer"))
        .isEqualTo("rusak (Gagal tulis chip): chip MUTE: no answer");
    assertThat(labels.requestNote("imported from bundle-1.zip"))
        .isEqualTo("diimpor dari bundle-1.zip");
    assertThat(labels.requestNote("printed, chip 04A1B2C3, to be checked"))
        .isEqualTo("tercetak, chip 04A1B2C3, menunggu pemeriksaan kartu");
    assertThat(labels.requestNote("quality check passed: chip 04A1B2C3"))
        .isEqualTo("lolos pemeriksaan kartu, chip 04A1B2C3");
    assertThat(labels.requestNote("rejected at quality check: COLOUR, pudar"))
        .isEqualTo("ditolak pemeriksaan kartu: warna tidak sesuai (pudar); kembali ke antrean");
    assertThat(labels.requestNote("rejected at quality check: DAMAGED"))
        .isEqualTo("ditolak pemeriksaan kartu: kartu rusak; kembali ke antrean");
    assertThat(
            labels.requestNote(
                "reservation released: 36 usable blanks for 37 reservations after blanks were"
                    + " spoiled or lost; back in the queue with its priority"))
        .isEqualTo(
            "blanko dilepas: tinggal 36 blanko yang dapat dicetak untuk 37 pemesanan setelah"
                + " blanko rusak atau hilang; kembali ke antrean dengan prioritasnya");
  }

  @Test
  void audit_subjects_and_details_read_in_indonesian_and_in_english() {
    LocaleContextHolder.setLocale(INDONESIAN);
    assertThat(labels.auditSubject("request 12")).isEqualTo("permohonan 12");
    assertThat(labels.auditSubject("print job 5")).isEqualTo("pekerjaan cetak 5");
    assertThat(labels.auditSubject("priority policy v3")).isEqualTo("kebijakan prioritas versi 3");
    assertThat(labels.auditSubject("ByNik[3271************]"))
        .isEqualTo("pencarian NIK 3271************");
    assertThat(labels.auditDetail("3 found")).isEqualTo("3 ditemukan");
    assertThat(labels.auditDetail("from 10.0.0.7, wrong password 3 of 30"))
        .isEqualTo("dari 10.0.0.7, kata sandi salah 3 dari 30");
    assertThat(labels.auditDetail("role OPERATOR")).isEqualTo("peran Operator cetak");
    String imported =
        "rows 300: new 270, reopened 1, updated 2, withdrawn 3, unchanged 4, not ready 30, being"
            + " printed 5; flagged: birth date 6, sex 7, phone 8, photo 9";
    assertThat(labels.auditDetail(imported))
        .isEqualTo(
            "300 baris dibaca: 270 permohonan baru, 1 baru setelah permohonan yang ditutup, 2"
                + " diubah, 3 ditarik, 4 tidak berubah, 30 belum siap cetak, 5 sedang dicetak;"
                + " ditandai: 6 tanggal lahir tidak cocok dengan NIK, 7 jenis kelamin tidak cocok"
                + " dengan NIK, 8 nomor HP tidak sah, 9 tanpa foto");
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(labels.auditSubject("request 12")).isEqualTo("request 12");
    assertThat(labels.auditDetail("12 blanks")).isEqualTo("12 blanks");
  }

  @Test
  void the_card_checks_audit_details_read_in_indonesian_first() {
    LocaleContextHolder.setLocale(INDONESIAN);
    assertThat(labels.auditDetail("request 12 passed, chip 04A1B2C3D4E5F6 (reader)"))
        .isEqualTo("permohonan 12 lolos pemeriksaan, chip 04A1B2C3D4E5F6 dibaca pembaca kartu");
    assertThat(labels.auditDetail("request 12 passed, chip 04A1B2C3D4E5F6"))
        .isEqualTo("permohonan 12 lolos pemeriksaan, chip 04A1B2C3D4E5F6");
    assertThat(labels.auditDetail("request 12 rejected: COLOUR, chip 04A1B2C3D4E5F6"))
        .isEqualTo("permohonan 12 ditolak pemeriksaan: warna tidak sesuai, chip 04A1B2C3D4E5F6");
    assertThat(labels.auditDetail("request 12 rejected: DAMAGED, chip "))
        .isEqualTo("permohonan 12 ditolak pemeriksaan: kartu rusak, tanpa UID chip");
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(labels.auditDetail("request 12 rejected: MISPRINT, chip 04A1"))
        .isEqualTo("request 12 rejected at the check: misprint, chip 04A1");
  }

  @Test
  void import_row_reasons_read_in_indonesian_and_a_bilingual_one_in_the_readers_half() {
    assertThat(labels.rowReason("'X' is not one of [L, P]", INDONESIAN))
        .isEqualTo("'X' bukan salah satu dari L, P");
    assertThat(labels.rowReason("unknown kecamatan code 999999", INDONESIAN))
        .isEqualTo("kode kecamatan 999999 tidak dikenal");
    assertThat(labels.rowReason("berkas bukan UTF-8 / invalid UTF-8", INDONESIAN))
        .isEqualTo("berkas bukan UTF-8");
    assertThat(labels.rowReason("berkas bukan UTF-8 / invalid UTF-8", Locale.ENGLISH))
        .isEqualTo("invalid UTF-8");
    assertThat(labels.rowReason("must be 16 digits", Locale.ENGLISH))
        .isEqualTo("must be 16 digits");
    assertThat(labels.rowReason("file 'photos/1.jpg' is larger than 2048 KB", INDONESIAN))
        .isEqualTo("berkas 'photos/1.jpg' lebih dari 2048 KB");
    assertThat(
            labels.rowReason(
                "path '../x.jpg' must be relative and stay inside the bundle", INDONESIAN))
        .isEqualTo("jalur '../x.jpg' harus relatif dan tetap di dalam bundel");
    assertThat(
            labels.rowReason(
                "cannot read 'photos/1.jpg': its data does not match its CRC", INDONESIAN))
        .isEqualTo("berkas 'photos/1.jpg' rusak: isinya tidak cocok dengan CRC-nya di zip");
    assertThat(
            labels.rowReason(
                "cannot read 'photos/1.jpg': it is encrypted or compressed with a method Cetak"
                    + " cannot read",
                INDONESIAN))
        .startsWith("berkas 'photos/1.jpg' tidak dapat dibaca: terenkripsi");
    assertThat(labels.rowReason("cannot read 'photos/1.jpg': the zip ends inside it", INDONESIAN))
        .isEqualTo("berkas 'photos/1.jpg' terpotong: zip berakhir sebelum isinya selesai");
    assertThat(labels.rowReason("cannot read 'photos/1.jpg': Input/output error", INDONESIAN))
        .isEqualTo("berkas 'photos/1.jpg' tidak dapat dibaca (Input/output error)");
  }

  @Test
  void each_kind_of_approval_reads_what_it_is_about_in_indonesian_first() {
    assertThat(labels.approvalSummary(approval("REPRINT", "reprint of request 920002"), INDONESIAN))
        .isEqualTo("Cetak ulang permohonan 920002");
    assertThat(
            labels.approvalSummary(
                approval("WRITE_OFF", "Write off 3 blanks from FEEDER(printer 7) (PRINT_FAIL)"),
                INDONESIAN))
        .isEqualTo("Penghapusan 3 blanko dari Feeder printer 7 (Gagal cetak)");
    assertThat(
            labels.approvalSummary(
                approval("WRITE_OFF", "Write off 12 blanks from VAULT (DAMAGED_IN_STORAGE)"),
                INDONESIAN))
        .isEqualTo("Penghapusan 12 blanko dari Gudang (Rusak di gudang)");
    assertThat(
            labels.approvalSummary(
                approval("DESTRUCTION", "Destruction report BA-PMS/32.71/2026/0001: 4 cards"),
                INDONESIAN))
        .isEqualTo("Berita acara pemusnahan BA-PMS/32.71/2026/0001: 4 kartu");
    assertThat(
            labels.approvalSummary(
                approval(
                    "LOSS", "Berita acara kehilangan BA-HLG/1: 2 blanko dari UNKNOWN(printer 3)"),
                INDONESIAN))
        .isEqualTo(
            "Berita acara kehilangan BA-HLG/1: 2 blanko dari Hasil belum diketahui printer 3");
    assertThat(
            labels.approvalSummary(
                approval(
                    "DROP_REVERSAL", "Pembatalan serah terima SJ-0099: 50 blanko kembali ke pusat"),
                INDONESIAN))
        .isEqualTo("Pembatalan serah terima SJ-0099: 50 blanko kembali ke pusat");
  }

  @Test
  void each_kind_of_approval_reads_in_english_when_chosen() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(labels.approvalSummary(approval("REPRINT", "reprint of request 12")))
        .isEqualTo("Reprint of request 12");
    assertThat(
            labels.approvalSummary(
                approval("WRITE_OFF", "Write off 3 blanks from FEEDER(printer 7) (PRINT_FAIL)")))
        .isEqualTo("Write-off of 3 blanks from Feeder of printer 7 (Print failure)");
    assertThat(labels.approvalSummary(approval("DESTRUCTION", "Destruction report BA-1: 4 cards")))
        .isEqualTo("Destruction report BA-1: 4 cards");
    assertThat(
            labels.approvalSummary(
                approval("LOSS", "Berita acara kehilangan BA-HLG/1: 2 blanko dari VAULT")))
        .isEqualTo("Loss report BA-HLG/1: 2 blanks from Vault");
    assertThat(
            labels.approvalSummary(
                approval(
                    "DROP_REVERSAL",
                    "Pembatalan serah terima SJ-0099: 50 blanko kembali ke pusat")))
        .isEqualTo("Reversal of drop SJ-0099: 50 blanks back to the centre");
  }

  @Test
  void an_approval_proposed_or_decided_reads_in_the_audit_trail_as_on_the_pages() {
    assertThat(labels.auditDetail("REPRINT: reprint of request 12", INDONESIAN))
        .isEqualTo("Cetak ulang permohonan 12");
    assertThat(
            labels.auditDetail(
                "WRITE_OFF: Write off 3 blanks from VAULT (PRINT_FAIL)", Locale.ENGLISH))
        .isEqualTo("Write-off of 3 blanks from Vault (Print failure)");
    assertThat(labels.auditDetail("REPRINT: uji", INDONESIAN)).isEqualTo("REPRINT: uji");
    assertThat(labels.auditDetail("12 blanks", INDONESIAN)).isEqualTo("12 blanko");
  }

  @Test
  void an_approval_summary_of_no_known_form_shows_as_stored() {
    assertThat(labels.approvalSummary(approval("REPRINT", "uji tanggal"), INDONESIAN))
        .isEqualTo("uji tanggal");
    assertThat(
            labels.approvalSummary(approval("SOMETHING_NEW", "reprint of request 1"), INDONESIAN))
        .isEqualTo("reprint of request 1");
  }

  private static Approval approval(String kind, String summary) {
    return new Approval(
        1,
        1,
        kind,
        Optional.empty(),
        summary,
        "",
        Approval.Status.PROPOSED,
        "operator",
        Instant.parse("2026-12-03T09:42:53Z"),
        Optional.empty(),
        Optional.empty(),
        "");
  }
}
