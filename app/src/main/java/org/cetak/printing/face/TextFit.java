package org.cetak.printing.face;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a value into a box of a given width and at most a given number of lines: first at the
 * preferred size on one line, then wrapped, then at smaller sizes; at the smallest size the text is
 * cut with an ellipsis. The result never exceeds the width.
 */
final class TextFit {
  private static final String ELLIPSIS = "\u2026";

  record Fitted(Font font, List<String> lines) {}

  private TextFit() {}

  static Fitted fit(
      Graphics2D g, Font base, String text, int maxWidth, int maxLines, float minSize) {
    for (float size = base.getSize2D(); size >= minSize; size -= 1f) {
      Font font = size == base.getSize2D() ? base : base.deriveFont(size);
      FontMetrics fm = g.getFontMetrics(font);
      if (fm.stringWidth(text) <= maxWidth) {
        return new Fitted(font, List.of(text));
      }
      if (maxLines > 1) {
        List<String> lines = wrap(fm, text, maxWidth);
        if (lines.size() <= maxLines) {
          return new Fitted(font, lines);
        }
      }
    }
    Font font = base.deriveFont(minSize);
    FontMetrics fm = g.getFontMetrics(font);
    List<String> lines = wrap(fm, text, maxWidth);
    if (lines.size() <= maxLines) {
      return new Fitted(font, lines);
    }
    List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
    String last = kept.get(maxLines - 1);
    while (!last.isEmpty() && fm.stringWidth(last + ELLIPSIS) > maxWidth) {
      last = last.substring(0, last.length() - 1);
    }
    kept.set(maxLines - 1, last.stripTrailing() + ELLIPSIS);
    return new Fitted(font, List.copyOf(kept));
  }

  /** Greedy word wrap; a word wider than the box is broken between characters. */
  static List<String> wrap(FontMetrics fm, String text, int maxWidth) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+", -1)) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (fm.stringWidth(candidate) <= maxWidth) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (fm.stringWidth(rest) > maxWidth) {
        int cut = 1;
        while (cut < rest.length() && fm.stringWidth(rest.substring(0, cut + 1)) <= maxWidth) {
          cut++;
        }
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      line.append(rest);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
