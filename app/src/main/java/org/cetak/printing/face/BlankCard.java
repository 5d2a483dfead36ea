package org.cetak.printing.face;

import static org.cetak.printing.face.CardLayout.HEIGHT;
import static org.cetak.printing.face.CardLayout.WIDTH;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.List;

/**
 * What every card shares, drawn once when the first card is rendered: the colour background and its
 * y, m, c panels, the o panel, and the back's frame and printed notes.
 *
 * <p>The arrays are filled during class initialisation and never written afterwards, so any number
 * of threads may read them. A renderer copies what it draws a card's own data over; the o panel
 * goes into every card's panels as it is (panels are read-only).
 */
final class BlankCard {

  /** The colour background, RGB, row after row. */
  static final int[] COLOUR;

  /** The y, m and c panels of {@link #COLOUR}. */
  static final byte[] YELLOW;

  static final byte[] MAGENTA;
  static final byte[] CYAN;

  /** The o panel: varnish over the whole card. */
  static final byte[] OVERLAY;

  /** {@link #YELLOW}, {@link #MAGENTA}, {@link #CYAN} and {@link #OVERLAY} as panels. */
  static final PanelSet.Panel YELLOW_PANEL;

  static final PanelSet.Panel MAGENTA_PANEL;
  static final PanelSet.Panel CYAN_PANEL;
  static final PanelSet.Panel OVERLAY_PANEL;

  /** The back's black layer above the lines that name the regency and the issue date. */
  static final byte[] BACK_FRAME;

  /** The back's black layer without those lines: the frame and the notes. */
  static final byte[] BACK;

  /** The K panel of {@link #BACK}. */
  static final byte[] BACK_INK;

  /** The back's notes, paragraph by paragraph, wrapped once. */
  private static final List<List<String>> NOTES;

  private static final String NOTE =
      "Kartu ini adalah milik Pemerintah Republik Indonesia dan berlaku di seluruh wilayah Negara"
          + " Kesatuan Republik Indonesia. Kartu ini tidak boleh dipindahtangankan. Apabila"
          + " menemukan kartu ini, harap dikembalikan ke kantor Dinas Kependudukan dan Pencatatan"
          + " Sipil terdekat.";
  private static final String NOTE_2 =
      "Setiap perubahan data kependudukan wajib dilaporkan kepada Dinas Kependudukan dan"
          + " Pencatatan Sipil setempat.";

  private static final Font NOTE_FONT = CardDrawing.REGULAR.deriveFont(19f);
  private static final int NOTES_LEFT = CardLayout.SAFE.x + 40;
  private static final int NOTES_WIDTH = CardLayout.SAFE.width - 80;
  private static final int NOTES_TOP_BASELINE = 370;

  static {
    BufferedImage colour = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = colour.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      drawBackground(g);
    } finally {
      g.dispose();
    }
    COLOUR = ((DataBufferInt) colour.getRaster().getDataBuffer()).getData();
    YELLOW = new byte[WIDTH * HEIGHT];
    MAGENTA = new byte[WIDTH * HEIGHT];
    CYAN = new byte[WIDTH * HEIGHT];
    PanelRaster.putColour(COLOUR, new Rectangle(0, 0, WIDTH, HEIGHT), YELLOW, MAGENTA, CYAN);
    OVERLAY = new byte[WIDTH * HEIGHT];
    Arrays.fill(OVERLAY, (byte) 1);
    YELLOW_PANEL = new PanelSet.Panel("y", PanelRaster.COLOUR_LEVELS, YELLOW);
    MAGENTA_PANEL = new PanelSet.Panel("m", PanelRaster.COLOUR_LEVELS, MAGENTA);
    CYAN_PANEL = new PanelSet.Panel("c", PanelRaster.COLOUR_LEVELS, CYAN);
    OVERLAY_PANEL = new PanelSet.Panel("o", 2, OVERLAY);

    BufferedImage back = CardDrawing.blackLayer();
    Graphics2D b = CardDrawing.textGraphics(back);
    try {
      drawBackFrame(b);
      BACK_FRAME = CardDrawing.grey(back).clone();
      NOTES = wrapNotes(b);
      drawBackNotes(b);
    } finally {
      b.dispose();
    }
    BACK = CardDrawing.grey(back);
    BACK_INK = PanelRaster.ink(BACK);
  }

  private BlankCard() {}

  /** Two gradients and fine security-style wave lines, light enough not to fight the text. */
  static void drawBackground(Graphics2D g) {
    g.setPaint(new GradientPaint(0, 0, new Color(0x9CCBEA), WIDTH, HEIGHT, new Color(0xE9F5FC)));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setPaint(
        new GradientPaint(
            0,
            0,
            new Color(255, 255, 255, 0),
            0,
            HEIGHT * 0.5f,
            new Color(255, 255, 255, 90),
            true));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setStroke(new BasicStroke(1.2f));
    for (int band = 0; band < 14; band++) {
      g.setColor(band % 2 == 0 ? new Color(120, 180, 220, 70) : new Color(170, 140, 210, 45));
      Path2D.Float wave = new Path2D.Float();
      double base = 40 + band * 44;
      double phase = band * 0.7;
      for (int x = 0; x <= WIDTH; x += 6) {
        double yy = base + 14 * Math.sin(x / 38.0 + phase) + 6 * Math.sin(x / 11.0 + phase * 2);
        if (x == 0) {
          wave.moveTo(x, yy);
        } else {
          wave.lineTo(x, yy);
        }
      }
      g.draw(wave);
    }
    g.setStroke(new BasicStroke(1f));
    g.setColor(new Color(90, 150, 205, 50));
    int cx = WIDTH / 2 - 60;
    int cy = HEIGHT / 2 + 40;
    for (int r = 40; r <= 200; r += 16) {
      g.drawOval(cx - r, cy - r * 3 / 4, 2 * r, r * 3 / 2);
    }
  }

  /** The back above the regency: border, title, and the issuing office. */
  static void drawBackFrame(Graphics2D g) {
    Rectangle safe = CardLayout.SAFE;
    int inner = safe.width - 40;
    int cx = WIDTH / 2;
    g.setStroke(new BasicStroke(3f));
    g.drawRoundRect(safe.x + 4, safe.y + 4, safe.width - 8, safe.height - 8, 24, 24);
    CardDrawing.centred(
        g, CardDrawing.BOLD.deriveFont(34f), "KARTU TANDA PENDUDUK ELEKTRONIK", inner, cx, 100);
    CardDrawing.centred(g, CardDrawing.BOLD.deriveFont(26f), "REPUBLIK INDONESIA", inner, cx, 140);
    g.setStroke(new BasicStroke(2f));
    g.drawLine(safe.x + 60, 162, safe.x + safe.width - 60, 162);
    CardDrawing.centred(g, CardDrawing.REGULAR.deriveFont(21f), "Diterbitkan oleh", inner, cx, 206);
    CardDrawing.centred(
        g,
        CardDrawing.BOLD.deriveFont(22f),
        "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
        inner,
        cx,
        240);
  }

  /** The notes at the foot of the back, below the issue date. */
  static void drawBackNotes(Graphics2D g) {
    int pitch = g.getFontMetrics(NOTE_FONT).getHeight();
    int baseline = NOTES_TOP_BASELINE;
    g.setFont(NOTE_FONT);
    for (List<String> paragraph : NOTES) {
      for (String line : paragraph) {
        g.drawString(line, NOTES_LEFT, baseline);
        baseline += pitch;
      }
      baseline += pitch / 2;
    }
  }

  private static List<List<String>> wrapNotes(Graphics2D g) {
    return List.of(NOTE, NOTE_2).stream()
        .map(paragraph -> TextFit.wrap(g.getFontMetrics(NOTE_FONT), paragraph, NOTES_WIDTH))
        .map(List::copyOf)
        .toList();
  }
}
