package org.cetak.printing.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class TextFitTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  @Property(tries = 200)
  void fitted_lines_never_exceed_the_width_or_the_line_count(
      @ForAll @StringLength(min = 1, max = 160) String raw,
      @ForAll @IntRange(min = 40, max = 500) int width,
      @ForAll @IntRange(min = 1, max = 3) int maxLines) {
    String text = raw.replaceAll("[^A-Za-z0-9 .,/-]", "A").strip();
    if (text.isEmpty()) {
      text = "A";
    }
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY).createGraphics();
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 21);

    TextFit.Fitted fit = TextFit.fit(g, font, text, width, maxLines, 13f);

    FontMetrics fm = g.getFontMetrics(fit.font());
    assertThat(fit.lines()).isNotEmpty().hasSizeLessThanOrEqualTo(maxLines);
    for (String line : fit.lines()) {
      assertThat(fm.stringWidth(line)).isLessThanOrEqualTo(width);
    }
    g.dispose();
  }
}
