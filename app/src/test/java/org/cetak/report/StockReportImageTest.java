package org.cetak.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The documents an auditor signs look as reviewed: each page of the fixed daily, destruction and
 * loss reports of {@link StockReportPdfTest} is rendered at {@value #DPI} dpi in grey and compared
 * dot by dot with the reference PNG in {@code src/test/resources/org/cetak/report/}. The fonts are
 * the DejaVu files embedded in the PDF (not the JDK's), so the glyphs are the same everywhere; what
 * may differ between rasterisers is the grey of a glyph's edge, so a dot counts as different only
 * when its grey differs by more than {@value #GREY_TOLERANCE} of 255, and a page may have at most
 * {@value #DIFFERENT_DOTS} such dots: one changed character already changes more.
 *
 * <p>On a difference the page as rendered and a diff image (red: the dots that differ) are written
 * under {@code target/report-images/} and named in the failure. After a deliberate change to a
 * document, look at those images and record the references again: {@code ./mvnw -pl app test
 * -Dtest=StockReportImageTest -Dsurefire.failIfNoSpecifiedTests=false -Dcetak.reports.record=true}.
 */
class StockReportImageTest {

  static final int DPI = 100;
  static final int GREY_TOLERANCE = 64;
  static final int DIFFERENT_DOTS = 40;

  private static final Path REFERENCES = Path.of("src/test/resources/org/cetak/report");
  private static final Path OUT = Path.of("target/report-images");

  @ParameterizedTest
  @ValueSource(strings = {"daily", "destruction", "loss"})
  void every_page_looks_as_reviewed(String document) throws IOException {
    List<BufferedImage> pages = render(pdf(document).get());
    boolean record = Boolean.getBoolean("cetak.reports.record");
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      String name = document + "-" + (i + 1) + ".png";
      if (record) {
        Files.createDirectories(REFERENCES);
        ImageIO.write(pages.get(i), "png", REFERENCES.resolve(name).toFile());
      }
      BufferedImage reference = reference(name);
      if (reference == null) {
        problems.add(name + ": no reference image" + written(name, pages.get(i), null));
        continue;
      }
      String difference = compare(pages.get(i), reference);
      if (!difference.isEmpty()) {
        problems.add(name + ": " + difference + written(name, pages.get(i), reference));
      }
    }
    if (reference(document + "-" + (pages.size() + 1) + ".png") != null) {
      problems.add(document + ": the reference has more than " + pages.size() + " page(s)");
    }
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems));
    }
  }

  /** The reference images themselves are pages of an A4 portrait document. */
  @ParameterizedTest
  @ValueSource(strings = {"daily-1.png", "destruction-1.png", "destruction-2.png", "loss-1.png"})
  void references_are_a4_portrait(String name) throws IOException {
    BufferedImage reference = reference(name);
    assertThat(reference).as(name).isNotNull();
    assertThat(reference.getWidth()).isEqualTo((int) (PDRectangle.A4.getWidth() / 72 * DPI));
    assertThat(reference.getHeight()).isEqualTo((int) (PDRectangle.A4.getHeight() / 72 * DPI));
  }

  private static Supplier<byte[]> pdf(String document) {
    return switch (document) {
      case "daily" -> StockReportPdfTest::dailyPdf;
      case "destruction" -> StockReportPdfTest::destructionPdf;
      case "loss" -> StockReportPdfTest::lossPdf;
      default -> throw new IllegalArgumentException(document);
    };
  }

  static List<BufferedImage> render(byte[] pdf) throws IOException {
    List<BufferedImage> pages = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(document);
      for (int i = 0; i < document.getNumberOfPages(); i++) {
        pages.add(renderer.renderImageWithDPI(i, DPI, ImageType.GRAY));
      }
    }
    return pages;
  }

  /** Empty when the page matches the reference within the tolerance, else what differs. */
  static String compare(BufferedImage actual, BufferedImage reference) {
    if (actual.getWidth() != reference.getWidth() || actual.getHeight() != reference.getHeight()) {
      return "size "
          + actual.getWidth()
          + "x"
          + actual.getHeight()
          + ", reference "
          + reference.getWidth()
          + "x"
          + reference.getHeight();
    }
    int different = 0;
    for (int y = 0; y < actual.getHeight(); y++) {
      for (int x = 0; x < actual.getWidth(); x++) {
        if (Math.abs(grey(actual, x, y) - grey(reference, x, y)) > GREY_TOLERANCE) {
          different++;
        }
      }
    }
    return different > DIFFERENT_DOTS
        ? different + " dots differ from the reference (at most " + DIFFERENT_DOTS + " may)"
        : "";
  }

  private static int grey(BufferedImage image, int x, int y) {
    return image.getRaster().getSample(x, y, 0);
  }

  private static BufferedImage reference(String name) throws IOException {
    try (InputStream in = StockReportImageTest.class.getResourceAsStream(name)) {
      if (in != null && !Boolean.getBoolean("cetak.reports.record")) {
        return ImageIO.read(in);
      }
    }
    Path recorded = REFERENCES.resolve(name);
    return Files.exists(recorded) ? ImageIO.read(recorded.toFile()) : null;
  }

  /** Writes the page as rendered and, with a reference, the diff; names them. */
  private static String written(String name, BufferedImage actual, BufferedImage reference)
      throws IOException {
    Files.createDirectories(OUT);
    Path actualFile = OUT.resolve("actual-" + name);
    ImageIO.write(actual, "png", actualFile.toFile());
    if (reference == null
        || reference.getWidth() != actual.getWidth()
        || reference.getHeight() != actual.getHeight()) {
      return "; rendered: " + actualFile.toAbsolutePath();
    }
    BufferedImage diff =
        new BufferedImage(actual.getWidth(), actual.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < actual.getHeight(); y++) {
      for (int x = 0; x < actual.getWidth(); x++) {
        int a = grey(actual, x, y);
        int r = grey(reference, x, y);
        int faint = 160 + a * 95 / 255;
        diff.setRGB(
            x,
            y,
            Math.abs(a - r) > GREY_TOLERANCE ? 0xFF0000 : (faint << 16) | (faint << 8) | faint);
      }
    }
    Path diffFile = OUT.resolve("diff-" + name);
    ImageIO.write(diff, "png", diffFile.toFile());
    return "; rendered: " + actualFile.toAbsolutePath() + ", diff: " + diffFile.toAbsolutePath();
  }
}
