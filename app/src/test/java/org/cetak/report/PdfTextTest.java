package org.cetak.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** Breaking text into the lines of a report. */
class PdfTextTest {

  private static final PDFont FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

  @Test
  void aWordWiderThanTheLineIsCutIntoLinesThatFit() {
    List<String> lines = PdfText.wrap("Saksi " + "W".repeat(40) + " hadir", FONT, 10, 100);

    assertThat(lines)
        .allSatisfy(l -> assertThat(PdfText.width(l, FONT, 10)).isLessThanOrEqualTo(100));
    assertThat(String.join("", lines).replace(" ", ""))
        .isEqualTo("Saksi" + "W".repeat(40) + "hadir");
    assertThat(lines.get(0)).isEqualTo("Saksi");
  }

  /**
   * A name or a place typed as one very long word (a form's input of thousands of characters) is
   * cut in time proportional to its length: cutting it by trying ever shorter beginnings took
   * minutes and held a request's thread while a report was asked for.
   */
  @Test
  void aVeryLongWordIsCutInTimeProportionalToItsLength() {
    String word = "x".repeat(20_000);

    List<String> lines =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> PdfText.wrap(word, FONT, 10, 200));

    assertThat(String.join("", lines)).isEqualTo(word);
    assertThat(lines)
        .allSatisfy(l -> assertThat(PdfText.width(l, FONT, 10)).isLessThanOrEqualTo(200));
  }
}
