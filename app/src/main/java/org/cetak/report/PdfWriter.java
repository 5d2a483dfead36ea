package org.cetak.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A small A4 portrait writer over PDFBox for official documents: a letterhead, wrapped paragraphs,
 * label-value rows, tables whose cells wrap, signature blocks, and a footer with the page number on
 * every page. The fonts are the DejaVu files of the application's resources, embedded in the
 * document, so every reader and every machine draws the same glyphs.
 */
final class PdfWriter implements AutoCloseable {

  private static final float WIDTH = PDRectangle.A4.getWidth();
  private static final float HEIGHT = PDRectangle.A4.getHeight();
  private static final float LEFT = 56;
  private static final float RIGHT = WIDTH - 56;
  private static final float TOP = HEIGHT - 42;
  private static final float BOTTOM = 64;
  private static final float BODY = 10;
  private static final float SMALL = 8.5f;
  private static final float LEADING = 1.3f;
  private static final float PAD = 3;

  /** One signatory's block: the role above, then after room to sign, name and NIP. */
  record Signature(String role, String name, String nip) {}

  private final PDDocument document = new PDDocument();
  private final PDFont regular = font("DejaVuSans.ttf");
  private final PDFont bold = font("DejaVuSans-Bold.ttf");
  private PDPageContentStream page;
  private float y;
  private List<String> tableHeader = List.of();
  private float[] tableWidths = new float[0];

  PdfWriter() {
    newPage();
  }

  /**
   * The office's letterhead (kop surat): its lines centred, all but the last in capitals and bold
   * (the first largest), the last (the address) small, over a double rule.
   */
  void letterhead(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (i == lines.size() - 1) {
        centred(lines.get(i), regular, 9);
      } else {
        centred(lines.get(i).toUpperCase(Locale.ROOT), bold, i == 0 ? 13 : 12);
      }
    }
    y -= 3;
    rule(1.6f, y);
    rule(0.5f, y - 2.5f);
    y -= 16;
  }

  /** The document's title: centred, bold, wrapped. */
  void title(String text) {
    centred(text, bold, 12);
  }

  /** A line under the title (its number): centred. */
  void subtitle(String text) {
    centred(text, regular, BODY);
    y -= 6;
  }

  void heading(String text) {
    y -= 4;
    ensure(3 * BODY * LEADING);
    paragraphIn(text, bold, 10.5f, LEFT, RIGHT);
    y -= 2;
  }

  /** Text wrapped to the page's width. */
  void paragraph(String text) {
    paragraphIn(text, regular, BODY, LEFT, RIGHT);
  }

  /** A label and its value: the label wraps in its column, the value stands right-aligned. */
  void row(String label, String value) {
    row(label, value, false, 0);
  }

  /** A row under the one before, its label indented (a part of that row's figure). */
  void subRow(String label, String value) {
    row(label, value, false, 18);
  }

  /** A row whose label and value are bold (a total). */
  void totalRow(String label, String value) {
    row(label, value, true, 0);
  }

  private void row(String label, String value, boolean strong, float indent) {
    PDFont labelFont = strong ? bold : regular;
    float half = (RIGHT - LEFT) / 2;
    List<String> values = PdfText.wrap(value, bold, BODY, half);
    float valueWidth = 110;
    for (String v : values) {
      valueWidth = Math.max(valueWidth, PdfText.width(v, bold, BODY));
    }
    List<String> labels =
        PdfText.wrap(label, labelFont, BODY, RIGHT - LEFT - indent - valueWidth - 12);
    float line = BODY * LEADING;
    ensure(Math.max(labels.size(), values.size()) * line);
    float top = y;
    for (String l : labels) {
      write(l, labelFont, BODY, LEFT + indent, y - BODY);
      y -= line;
    }
    float at = top;
    for (String v : values) {
      write(v, bold, BODY, RIGHT - PdfText.width(v, bold, BODY), at - BODY);
      at -= line;
    }
    y = Math.min(y, at);
    dotted(top - (labels.size() - 1) * line - BODY - 2, LEFT + indent);
  }

  void gap() {
    y -= BODY * 0.8f;
  }

  /**
   * Starts a table: the columns' widths as shares of the page's width and their headings, repeated
   * at the top of every page the table runs onto.
   */
  void table(float[] shares, String... header) {
    tableWidths = new float[shares.length];
    float sum = 0;
    for (float s : shares) {
      sum += s;
    }
    for (int i = 0; i < shares.length; i++) {
      tableWidths[i] = (RIGHT - LEFT) * shares[i] / sum;
    }
    tableHeader = List.of(header);
    cellsRow(tableHeader, bold, true);
  }

  /** One row of the current table; each cell wraps within its column. */
  void tableRow(String... cells) {
    cellsRow(List.of(cells), regular, false);
  }

  /** Ends the current table. */
  void endTable() {
    tableHeader = List.of();
    y -= 6;
  }

  /** Signature blocks, two side by side, each kept whole on one page. */
  void signatures(List<Signature> blocks) {
    float column = (RIGHT - LEFT) / 2;
    for (int i = 0; i < blocks.size(); i += 2) {
      List<Signature> pair = blocks.subList(i, Math.min(i + 2, blocks.size()));
      List<List<String>> roles = new ArrayList<>();
      List<List<String>> names = new ArrayList<>();
      int roleLines = 1;
      int nameLines = 1;
      for (Signature s : pair) {
        List<String> r = new ArrayList<>();
        for (String part : s.role().split("\n", -1)) {
          r.addAll(PdfText.wrap(part, regular, BODY, column - 16));
        }
        List<String> n = PdfText.wrap(s.name(), bold, BODY, column - 16);
        roles.add(r);
        names.add(n);
        roleLines = Math.max(roleLines, r.size());
        nameLines = Math.max(nameLines, n.size());
      }
      float line = BODY * LEADING;
      float space = 52;
      ensure((roleLines + nameLines + 1) * line + space + 14);
      y -= 8;
      for (int b = 0; b < pair.size(); b++) {
        float x = LEFT + b * column;
        float at = y;
        for (String l : roles.get(b)) {
          write(l, regular, BODY, x, at - BODY);
          at -= line;
        }
        at = y - roleLines * line - space;
        float widest = 0;
        for (String l : names.get(b)) {
          write(l, bold, BODY, x, at - BODY);
          widest = Math.max(widest, PdfText.width(l, bold, BODY));
          at -= line;
        }
        underline(x, at + line - BODY - 2.5f, Math.max(widest, column * 0.6f));
        write("NIP. " + PdfText.clean(pair.get(b).nip(), regular), regular, BODY, x, at - BODY - 2);
      }
      y -= (roleLines + nameLines + 1) * line + space + 10;
    }
  }

  /**
   * The finished document: every page gets {@code footer} on the left and "Halaman i dari n" on the
   * right.
   */
  byte[] finish(String footer) {
    try {
      page.close();
      int pages = document.getNumberOfPages();
      for (int i = 0; i < pages; i++) {
        try (PDPageContentStream s =
            new PDPageContentStream(
                document, document.getPage(i), PDPageContentStream.AppendMode.APPEND, true)) {
          page = s;
          rule(0.4f, BOTTOM - 16);
          String left = PdfText.clean(footer, regular);
          float room = RIGHT - LEFT - 80;
          List<String> wrapped = PdfText.wrap(left, regular, SMALL, room);
          float at = BOTTOM - 28;
          for (String l : wrapped) {
            write(l, regular, SMALL, LEFT, at);
            at -= SMALL * LEADING;
          }
          String number = "Halaman " + (i + 1) + " dari " + pages;
          write(number, regular, SMALL, RIGHT - PdfText.width(number, regular, SMALL), BOTTOM - 28);
        }
      }
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

  private void cellsRow(List<String> cells, PDFont font, boolean header) {
    float size = header ? SMALL : 9;
    List<List<String>> wrapped = new ArrayList<>();
    int lines = 1;
    for (int i = 0; i < cells.size(); i++) {
      List<String> w = PdfText.wrap(cells.get(i), font, size, tableWidths[i] - 2 * PAD);
      wrapped.add(w);
      lines = Math.max(lines, w.size());
    }
    float height = lines * size * LEADING + 2 * PAD;
    if (y - height < BOTTOM) {
      newPage();
      if (!header && !tableHeader.isEmpty()) {
        cellsRow(tableHeader, bold, true);
      }
    }
    float x = LEFT;
    for (int i = 0; i < cells.size(); i++) {
      float at = y - PAD;
      for (String l : wrapped.get(i)) {
        write(l, font, size, x + PAD, at - size);
        at -= size * LEADING;
      }
      box(x, y - height, tableWidths[i], height);
      x += tableWidths[i];
    }
    y -= height;
  }

  private void centred(String text, PDFont font, float size) {
    List<String> lines = PdfText.wrap(text, font, size, RIGHT - LEFT);
    ensure(lines.size() * size * LEADING);
    for (String l : lines) {
      write(l, font, size, (WIDTH - PdfText.width(l, font, size)) / 2, y - size);
      y -= size * LEADING;
    }
  }

  private void paragraphIn(String text, PDFont font, float size, float from, float to) {
    for (String l : PdfText.wrap(text, font, size, to - from)) {
      ensure(size * LEADING);
      write(l, font, size, from, y - size);
      y -= size * LEADING;
    }
  }

  private void ensure(float height) {
    if (y - height < BOTTOM) {
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
      y = TOP;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String text, PDFont font, float size, float x, float atY) {
    try {
      page.beginText();
      page.setFont(font, size);
      page.newLineAtOffset(x, atY);
      page.showText(text);
      page.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void rule(float thickness, float atY) {
    line(LEFT, atY, RIGHT, atY, thickness);
  }

  private void underline(float x, float atY, float length) {
    line(x, atY, x + length, atY, 0.6f);
  }

  private void dotted(float atY, float from) {
    try {
      page.setLineDashPattern(new float[] {0.5f, 2.5f}, 0);
      line(from, atY, RIGHT, atY, 0.5f);
      page.setLineDashPattern(new float[] {}, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void line(float x1, float y1, float x2, float y2, float thickness) {
    try {
      page.setLineWidth(thickness);
      page.moveTo(x1, y1);
      page.lineTo(x2, y2);
      page.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void box(float x, float bottom, float w, float h) {
    try {
      page.setLineWidth(0.5f);
      page.addRect(x, bottom, w, h);
      page.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private PDFont font(String file) {
    try (InputStream in = PdfWriter.class.getResourceAsStream("/fonts/" + file)) {
      if (in == null) {
        throw new IllegalStateException("Font " + file + " is missing from the resources");
      }
      return PDType0Font.load(document, in, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
