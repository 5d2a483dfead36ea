package org.cetak.printing.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextFitTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,/-     ";

  @Test
  void fitted_lines_never_exceed_the_width_or_the_line_count() {
    Random random = new Random(20240305L);
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY).createGraphics();
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 21);
    for (int i = 0; i < 300; i++) {
      String text = randomText(random, 1 + random.nextInt(160));
      int width = 40 + random.nextInt(460);
      int maxLines = 1 + random.nextInt(3);

      TextFit.Fitted fit = TextFit.fit(g, font, text, width, maxLines, 13f);

      FontMetrics fm = g.getFontMetrics(fit.font());
      assertThat(fit.lines())
          .as("lines of %s", text)
          .isNotEmpty()
          .hasSizeLessThanOrEqualTo(maxLines);
      for (String line : fit.lines()) {
        assertThat(fm.stringWidth(line)).as("width of %s", line).isLessThanOrEqualTo(width);
      }
    }
    g.dispose();
  }

  @Test
  void short_text_stays_on_one_line_at_full_size() {
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY).createGraphics();
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 21);

    TextFit.Fitted fit = TextFit.fit(g, font, "SARI DEWI", 400, 2, 13f);

    assertThat(fit.lines()).isEqualTo(List.of("SARI DEWI"));
    assertThat(fit.font().getSize2D()).isEqualTo(21f);
    g.dispose();
  }

  @Test
  void text_too_long_for_the_smallest_size_is_cut_with_an_ellipsis() {
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY).createGraphics();
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 21);

    TextFit.Fitted fit = TextFit.fit(g, font, "KUSUMAWARDHANI ".repeat(20), 200, 2, 13f);

    assertThat(fit.lines()).hasSize(2);
    assertThat(fit.lines().get(1)).endsWith("\u2026");
    g.dispose();
  }

  private static String randomText(Random random, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    String text = s.toString().strip();
    return text.isEmpty() ? "A" : text;
  }
}
