package org.cetak.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.ResourceBundle;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cetak.office.Office;
import org.cetak.office.OfficeKind;
import org.cetak.stock.DailyStockReport;
import org.junit.jupiter.api.Test;

class StockReportPdfTest {

  static final Office BOGOR =
      new Office(
          1, "32.71", "Disdukcapil Kota Bogor", OfficeKind.KABUPATEN_KOTA, Optional.empty(), "");

  static DailyStockReport daily() {
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
        Map.of("PRINT_FAIL", 3L, "CHIP_FAIL", 1L),
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

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  @Test
  void the_daily_report_writes_numbers_the_indonesian_way() throws IOException {
    String text = text(StockReportPdf.daily(daily(), BOGOR, INDONESIAN));
    assertThat(text).contains("3.660,3 hari").contains("12.345").contains("17.160");
    assertThat(text).doesNotContain("3660.3").doesNotContain("12,345");
  }

  @Test
  void the_daily_report_names_the_spoil_reasons_in_indonesian_not_as_codes() throws IOException {
    String text = text(StockReportPdf.daily(daily(), BOGOR, INDONESIAN));
    assertThat(text).contains("Gagal cetak").doesNotContain("PRINT_FAIL");
  }

  @Test
  void the_daily_report_has_its_own_line_for_lost_blanks() throws IOException {
    assertThat(text(StockReportPdf.daily(daily(), BOGOR, INDONESIAN))).contains("Hilang");
  }
}
