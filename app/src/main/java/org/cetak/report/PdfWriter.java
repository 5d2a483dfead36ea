package org.cetak.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** A small line-by-line A4 writer over PDFBox that starts a new page when one is full. */
final class PdfWriter implements AutoCloseable {

  private static final float MARGIN = 50;
  private static final float LINE = 14;

  private final PDDocument document = new PDDocument();
  private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private PDPageContentStream page;
  private float y;

  PdfWriter() {
    newPage();
  }

  void title(String text) {
    line(text, bold, 14, 0);
    y -= 4;
  }

  void heading(String text) {
    y -= 4;
    line(text, bold, 11, 0);
  }

  void text(String text) {
    line(text, regular, 10, 0);
  }

  /** A label and its value in two columns. */
  void row(String label, String value) {
    ensure(LINE);
    write(label, regular, 10, MARGIN, y);
    write(value, bold, 10, MARGIN + 260, y);
    y -= LINE;
  }

  /** Cells at fixed x offsets from the margin. */
  void cells(float[] xs, String... values) {
    ensure(LINE);
    for (int i = 0; i < values.length; i++) {
      write(values[i], regular, 9, MARGIN + xs[i], y);
    }
    y -= LINE - 2;
  }

  void gap() {
    y -= LINE / 2;
  }

  /** Signature blocks side by side: role above, a line, the name below. */
  void signatures(String... rolesAndNames) {
    ensure(90);
    y -= 10;
    int blocks = rolesAndNames.length / 2;
    float width = (PDRectangle.A4.getWidth() - 2 * MARGIN) / blocks;
    for (int i = 0; i < blocks; i++) {
      float x = MARGIN + i * width;
      write(rolesAndNames[2 * i], regular, 10, x, y);
      write("(" + "_".repeat(28) + ")", regular, 10, x, y - 55);
      write(rolesAndNames[2 * i + 1], regular, 9, x, y - 68);
    }
    y -= 80;
  }

  byte[] finish() {
    try {
      page.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      document.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void line(String text, PDType1Font font, float size, float indent) {
    ensure(LINE + 2);
    write(text, font, size, MARGIN + indent, y);
    y -= size + 4;
  }

  private void ensure(float height) {
    if (y - height < MARGIN) {
      newPage();
    }
  }

  private void newPage() {
    try {
      if (page != null) {
        page.close();
      }
      PDPage p = new PDPage(PDRectangle.A4);
      document.addPage(p);
      page = new PDPageContentStream(document, p);
      y = PDRectangle.A4.getHeight() - MARGIN;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String text, PDType1Font font, float size, float x, float atY) {
    try {
      page.beginText();
      page.setFont(font, size);
      page.newLineAtOffset(x, atY);
      page.showText(printable(text));
      page.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The standard fonts speak WinAnsi: strip accents and replace anything else. */
  static String printable(String text) {
    String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
        out.append(c == '\n' || c == '\t' ? ' ' : '?');
      }
    }
    return out.toString();
  }
}
