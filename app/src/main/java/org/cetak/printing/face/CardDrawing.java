package org.cetak.printing.face;

import static org.cetak.printing.face.CardLayout.HEIGHT;
import static org.cetak.printing.face.CardLayout.WIDTH;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * What every drawing of a card face shares: the fonts, the grey canvases of the black layers, text
 * drawn with the same rendering hints, and one line centred to fit.
 */
final class CardDrawing {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** The DejaVu fonts ship with the application, so every machine draws with the same outlines. */
  private static final String FONT_DIR = "/fonts/";

  static final Font REGULAR = loadFont("DejaVuSans.ttf", Font.PLAIN);
  static final Font BOLD = loadFont("DejaVuSans-Bold.ttf", Font.BOLD);

  private CardDrawing() {}

  /** A white canvas for a black layer. */
  static BufferedImage blackLayer() {
    return whiten(new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY));
  }

  static BufferedImage whiten(BufferedImage blackLayer) {
    Arrays.fill(grey(blackLayer), (byte) 0xFF);
    return blackLayer;
  }

  static byte[] grey(BufferedImage blackLayer) {
    return ((DataBufferByte) blackLayer.getRaster().getDataBuffer()).getData();
  }

  static Graphics2D textGraphics(BufferedImage img) {
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setColor(Color.BLACK);
    return g;
  }

  /**
   * Draws one line centred on {@code cx}, shrunk (down to 60 %) or cut so it fits {@code width}.
   */
  static void centred(Graphics2D g, Font font, String text, int width, int cx, int baseline) {
    TextFit.Fitted fit = TextFit.fit(g, font, text, width, 1, font.getSize2D() * 0.6f);
    FontMetrics fm = g.getFontMetrics(fit.font());
    String line = fit.lines().get(0);
    g.setFont(fit.font());
    g.drawString(line, cx - fm.stringWidth(line) / 2, baseline);
  }

  private static Font loadFont(String file, int style) {
    try (InputStream in = CardDrawing.class.getResourceAsStream(FONT_DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("font " + FONT_DIR + file + " missing from the build");
      }
      return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(style, 12f);
    } catch (FontFormatException | IOException e) {
      throw new IllegalStateException("cannot load font " + FONT_DIR + file, e);
    }
  }
}
