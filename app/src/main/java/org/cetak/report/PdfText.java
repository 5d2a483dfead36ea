package org.cetak.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Measuring and breaking text for {@link PdfWriter}: widths in a font, lines that fit. */
final class PdfText {

  private PdfText() {}

  /** Breaks text into lines no wider than {@code room}, at spaces, or inside a too-long word. */
  static List<String> wrap(String text, PDFont font, float size, float room) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : clean(text, font).split(" ", -1)) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (width(candidate, font, size) <= room) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (width(rest, font, size) > room && rest.length() > 1) {
        int cut = fitting(rest, font, size, room);
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      line.append(rest);
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * How many chars of a word too wide for a line fit on it (at least its first character), measured
   * a character at a time so that a very long word takes time in proportion to its length.
   */
  private static int fitting(String word, PDFont font, float size, float room) {
    float used = 0;
    int end = 0;
    while (end < word.length()) {
      int next = word.offsetByCodePoints(end, 1);
      used += width(word.substring(end, next), font, size);
      if (used > room) {
        break;
      }
      end = next;
    }
    return end == 0 ? word.offsetByCodePoints(0, 1) : end;
  }

  static float width(String text, PDFont font, float size) {
    try {
      return font.getStringWidth(text) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Text the font can show: line breaks and tabs become spaces, other control characters and
   * characters the font has no glyph for become {@code ?}.
   */
  static String clean(String text, PDFont font) {
    String in = text == null ? "" : text;
    StringBuilder out = new StringBuilder(in.length());
    in.codePoints()
        .forEach(
            c -> {
              if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
              } else if (Character.isISOControl(c) || !shows(font, c)) {
                out.append('?');
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  private static boolean shows(PDFont font, int codePoint) {
    try {
      font.encode(new String(Character.toChars(codePoint)));
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
