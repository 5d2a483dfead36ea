package org.cetak.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.cetak.office.Office;
import org.cetak.office.OfficeKind;
import org.cetak.stock.DailyReports;
import org.cetak.stock.DailyStockReport;
import org.cetak.stock.DestructionReport;
import org.cetak.stock.Item;
import org.cetak.stock.LossReport;
import org.cetak.stock.Place;
import org.cetak.stock.Signatory;
import org.junit.jupiter.api.Test;

/**
 * What the stock's documents say, read back from the PDF as text: Indonesian wording and numbers,
 * the letterhead, page numbers, signatories by name and NIP, every card by UID or serial, nothing
 * written past the right margin. The same fixed documents are compared as images against the
 * reviewed references in {@link StockReportImageTest}.
 */
class StockReportPdfTest {

  static final Office BOGOR =
      new Office(
          1,
          "32.71",
          "Disdukcapil Kota Bogor",
          OfficeKind.KABUPATEN_KOTA,
          Optional.empty(),
          "Jl. Ir. H. Juanda No. 10, Bogor");

  /** When the fixed documents are printed. */
  static final Instant PRINTED_AT = Instant.parse("2026-12-01T02:05:00Z");

  static final StockReportPdf.Signatory KEEPER =
      new StockReportPdf.Signatory(
          "Dewi Lestari, S.E.",
          "19850317 201001 2 004",
          "Pengelola Blanko KTP-el pada Disdukcapil Kota Bogor");
  static final StockReportPdf.Signatory SUPERVISOR =
      new StockReportPdf.Signatory(
          "Drs. Bambang Hartono, M.Si.",
          "19720805 199803 1 002",
          "Kepala Bidang Pelayanan Pendaftaran Penduduk");

  /** The wording of the console's message bundle in Bahasa Indonesia. */
  static final StockReportPdf.Wording INDONESIAN =
      (kind, code) -> {
        ResourceBundle labels =
            ResourceBundle.getBundle(
                "i18n/labels",
                Locale.forLanguageTag("id"),
                ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES));
        String key = "label." + kind + "." + code;
        return labels.containsKey(key) ? labels.getString(key) : code;
      };

  static final StockReportPdf.Printing PRINTING =
      new StockReportPdf.Printing(
          StockDocuments.letterhead(BOGOR, Optional.of("KOTA BOGOR")),
          PRINTED_AT,
          DailyReports.ZONE,
          INDONESIAN);

  static DailyStockReport daily() {
    Map<String, Long> reasons = new TreeMap<>();
    reasons.put("ENCODE_FAIL", 1L);
    reasons.put("PRINT_FAIL", 3L);
    return new DailyStockReport(
        1,
        "Disdukcapil Kota Bogor",
        LocalDate.of(2026, 11, 30),
        12_345,
        5_000,
        0,
        180,
        4,
        0,
        0,
        17_160,
        reasons,
        16_800,
        200,
        1,
        0,
        4,
        0,
        0,
        226,
        16_774,
        1_000,
        false,
        64,
        OptionalDouble.of(3660.3),
        1,
        0,
        1);
  }

  /**
   * A destruction report approved and carried out: 36 cards (blanks by chip UID, one by serial
   * only, one known only by its spoil movement, old cards), enough to run onto a second page.
   */
  static DestructionReport destruction() {
    List<DestructionReport.Card> cards = new ArrayList<>();
    String[] reasons = {"PRINT_FAIL", "ENCODE_FAIL", "FACTORY_DEFECT", "REPRINT"};
    for (int i = 0; i < 32; i++) {
      cards.add(
          new DestructionReport.Card(
              100 + i,
              Item.BLANK,
              Optional.of(String.format("04%02X%02X22A7CF%02X", i, 255 - i, i * 7 % 256)),
              i % 5 == 0
                  ? Optional.of(String.format("KTPEL-2026-%07d", 4_100_000 + i))
                  : Optional.empty(),
              reasons[i % reasons.length],
              i % 4 == 3 ? Optional.of(70_000L + i) : Optional.empty()));
    }
    cards.add(
        new DestructionReport.Card(
            140,
            Item.BLANK,
            Optional.empty(),
            Optional.of("KTPEL-2026-4100777"),
            "DAMAGED_IN_STORAGE",
            Optional.empty()));
    cards.add(
        new DestructionReport.Card(
            141, Item.BLANK, Optional.empty(), Optional.empty(), "PRINT_FAIL", Optional.empty()));
    cards.add(
        new DestructionReport.Card(
            150,
            Item.OLD_CARD,
            Optional.of("04A1B2C3D4E5F6"),
            Optional.empty(),
            "WITHDRAWN_OLD_CARD",
            Optional.of(71_234L)));
    cards.add(
        new DestructionReport.Card(
            151,
            Item.OLD_CARD,
            Optional.of("04F6E5D4C3B2A1"),
            Optional.empty(),
            "WITHDRAWN_OLD_CARD",
            Optional.of(71_235L)));
    return new DestructionReport(
        7,
        1,
        "BAP/32.71/2026/0003",
        LocalDate.of(2026, 11, 30),
        "halaman belakang Kantor Dinas Kependudukan dan Pencatatan Sipil Kota Bogor, Jl. Ir. H."
            + " Juanda No. 10",
        List.of(
            "Ir. Hendra Gunawan, Inspektorat Kota Bogor",
            "Sri Mulyani, S.Kom., Kepala Seksi Pengelolaan Informasi Administrasi Kependudukan"),
        DestructionReport.Status.DESTROYED,
        Optional.of(12L),
        "blanko",
        Instant.parse("2026-11-30T03:00:00Z"),
        Optional.of(Instant.parse("2026-11-30T06:00:00Z")),
        cards,
        new Signatory("blanko", "", ""),
        Optional.empty());
  }

  static LossReport loss() {
    return new LossReport(
        3,
        1,
        "BAK/32.71/2026/0001",
        LocalDate.of(2026, 11, 28),
        Place.unknown(2),
        1,
        "Kartu tidak keluar dari printer P2 setelah listrik padam pukul 10.40; printer dibuka"
            + " bersama kepala bidang, feeder, jalur kartu, kotak tolak dan kotak keluaran"
            + " diperiksa, kartu tidak ditemukan di ruang cetak.",
        Optional.of("04DD0622A7CFF0"),
        Optional.empty(),
        Optional.of(5_521L),
        LossReport.Status.LOST,
        Optional.of(11L),
        "blanko",
        Instant.parse("2026-11-28T04:00:00Z"),
        0,
        new Signatory("blanko", "", ""),
        Optional.empty());
  }

  static byte[] dailyPdf() {
    return StockReportPdf.daily(daily(), KEEPER, SUPERVISOR, PRINTING);
  }

  static byte[] destructionPdf() {
    return StockReportPdf.destruction(destruction(), KEEPER, SUPERVISOR, PRINTING);
  }

  static byte[] lossPdf() {
    return StockReportPdf.loss(
        loss(), "Hasil belum diketahui, printer P2", KEEPER, SUPERVISOR, PRINTING);
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  @Test
  void every_document_writes_the_time_of_printing_in_the_offices_own_zone() throws IOException {
    for (String[] z :
        List.of(
            new String[] {"Asia/Jakarta", "1 Desember 2026 09.05 WIB", "WIB"},
            new String[] {"Asia/Makassar", "1 Desember 2026 10.05 WITA", "WITA"},
            new String[] {"Asia/Jayapura", "1 Desember 2026 11.05 WIT", "WIT"})) {
      StockReportPdf.Printing printing =
          new StockReportPdf.Printing(
              PRINTING.letterhead(), PRINTED_AT, ZoneId.of(z[0]), INDONESIAN);
      String daily = text(StockReportPdf.daily(daily(), KEEPER, SUPERVISOR, printing));
      assertThat(daily)
          .as(z[0])
          .contains("Tanggal 30 November 2026 (" + z[2] + ")")
          .contains("dicetak " + z[1]);
      for (byte[] pdf :
          List.of(
              StockReportPdf.destruction(destruction(), KEEPER, SUPERVISOR, printing),
              StockReportPdf.loss(loss(), "Gudang", KEEPER, SUPERVISOR, printing))) {
        assertThat(text(pdf)).as(z[0]).contains("dicetak " + z[1]);
      }
      if (!z[2].equals("WIB")) {
        assertThat(daily).as(z[0]).doesNotContain("WIB");
      }
    }
  }

  @Test
  void the_daily_report_writes_numbers_the_indonesian_way() throws IOException {
    String text = text(dailyPdf());
    assertThat(text).contains("3.660,3 hari").contains("12.345").contains("17.160");
    assertThat(text).doesNotContain("3660.3").doesNotContain("12,345");
  }

  @Test
  void the_daily_report_names_the_spoil_reasons_in_indonesian_not_as_codes() throws IOException {
    String text = text(dailyPdf());
    assertThat(text).contains("Gagal cetak").doesNotContain("PRINT_FAIL");
  }

  @Test
  void the_daily_report_has_its_own_line_for_lost_blanks() throws IOException {
    assertThat(text(dailyPdf())).contains("Hilang");
  }

  @Test
  void every_document_has_the_letterhead_page_numbers_and_its_signatories_by_name_and_nip()
      throws IOException {
    for (byte[] pdf : List.of(dailyPdf(), destructionPdf(), lossPdf())) {
      String text = text(pdf);
      assertThat(text)
          .contains("PEMERINTAH KOTA BOGOR")
          .contains("DISDUKCAPIL KOTA BOGOR")
          .contains("Jl. Ir. H. Juanda No. 10")
          .contains("Halaman 1 dari")
          .contains("Dewi Lestari, S.E.")
          .contains("NIP. 19850317 201001 2 004")
          .contains("Drs. Bambang Hartono, M.Si.")
          .contains("NIP. 19720805 199803 1 002")
          .contains("Kepala Bidang Pelayanan Pendaftaran Penduduk")
          .contains("1 Desember 2026 09.05 WIB");
    }
  }

  @Test
  void the_destruction_report_lists_every_card_by_uid_or_serial_in_indonesian_on_numbered_pages()
      throws IOException {
    byte[] pdf = destructionPdf();
    String text = text(pdf);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      int pages = document.getNumberOfPages();
      assertThat(pages).isGreaterThan(1);
      assertThat(text).contains("Halaman " + pages + " dari " + pages);
    }
    for (DestructionReport.Card c : destruction().cards()) {
      c.chipUid().ifPresent(uid -> assertThat(text).contains(uid));
    }
    assertThat(text)
        .contains("seri KTPEL-2026-4100777")
        .contains("tanpa UID dan nomor seri (mutasi 141)")
        .contains("Kartu pertama dari cetak ulang")
        .contains("Senin tanggal 30 November 2026")
        .contains("Sri Mulyani, S.Kom.");
    assertThat(text)
        .doesNotContain("PRINT_FAIL")
        .doesNotContain("WITHDRAWN_OLD_CARD")
        .doesNotContain("DESTROYED");
  }

  @Test
  void the_loss_report_states_what_was_lost_where_and_how_in_indonesian() throws IOException {
    String text = text(lossPdf());
    assertThat(text)
        .contains("BERITA ACARA KEHILANGAN BLANKO KTP-el")
        .contains("BAK/32.71/2026/0001")
        .contains("04DD0622A7CFF0")
        .contains("Hasil belum diketahui, printer P2")
        .contains("Disetujui, blanko dicatat hilang")
        .contains("listrik padam");
    assertThat(text).doesNotContain("LOST").doesNotContain("UNKNOWN");
  }

  @Test
  void no_text_runs_past_the_right_margin() throws IOException {
    for (byte[] pdf : List.of(dailyPdf(), destructionPdf(), lossPdf())) {
      try (PDDocument document = Loader.loadPDF(pdf)) {
        float[] rightmost = {0};
        PDFTextStripper stripper =
            new PDFTextStripper() {
              @Override
              protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition p : positions) {
                  rightmost[0] = Math.max(rightmost[0], p.getXDirAdj() + p.getWidthDirAdj());
                }
              }
            };
        stripper.getText(document);
        PDPage first = document.getPage(0);
        assertThat(rightmost[0]).isLessThanOrEqualTo(first.getMediaBox().getWidth() - 50);
      }
    }
  }
}
