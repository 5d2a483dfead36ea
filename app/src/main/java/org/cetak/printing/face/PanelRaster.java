package org.cetak.printing.face;

import static org.cetak.printing.face.CardLayout.HEIGHT;
import static org.cetak.printing.face.CardLayout.WIDTH;

import java.awt.Rectangle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Moves pixels between the landscape card images (row after row, {@code WIDTH} pixels each) and the
 * portrait panels of {@link PanelSet} (line {@code x}, dot {@code HEIGHT - 1 - y}).
 *
 * <p>A panel line is an image column, so a straight copy walks one of the two arrays with a stride
 * of a whole row or line; the loops here keep that stride on the side that stays in cache.
 */
final class PanelRaster {

  static final int COLOUR_LEVELS = 32;

  /** Grey values darker than this in a black layer print as K ink. */
  static final int K_THRESHOLD = 140;

  /** How the preview shows K ink. */
  static final int INK_RGB = 0x141414;

  private static final byte[] TO_32_LEVELS = new byte[256];

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private static final long EIGHT_WHITE = -1L;

  static {
    for (int v = 0; v < 256; v++) {
      TO_32_LEVELS[v] = (byte) ((v * (COLOUR_LEVELS - 1) + 127) / 255);
    }
  }

  private PanelRaster() {}

  /**
   * Writes the y, m and c levels of an area of the card into the panels.
   *
   * @param rgb the area's pixels, row after row, {@code area.width} to a row
   */
  static void putColour(int[] rgb, Rectangle area, byte[] y, byte[] m, byte[] c) {
    // Line by line in panel order; the area's rows are read with a stride, and the few rows
    // one panel line needs stay in cache for the next lines.
    for (int col = 0; col < area.width; col++) {
      int x = area.x + col;
      int i = x * HEIGHT + HEIGHT - area.y - area.height;
      for (int row = area.height - 1; row >= 0; row--, i++) {
        int p = rgb[row * area.width + col];
        c[i] = TO_32_LEVELS[255 - ((p >> 16) & 0xFF)];
        m[i] = TO_32_LEVELS[255 - ((p >> 8) & 0xFF)];
        y[i] = TO_32_LEVELS[255 - (p & 0xFF)];
      }
    }
  }

  /** The K panel of a black layer: 1 where the grey is darker than {@link #K_THRESHOLD}. */
  static byte[] ink(byte[] grey) {
    byte[] k = new byte[WIDTH * HEIGHT];
    // A black layer is mostly white paper: skip it eight pixels at a time and write only ink.
    for (int row = 0; row < HEIGHT; row++) {
      int dot = HEIGHT - 1 - row;
      int start = row * WIDTH;
      for (int x = 0; x < WIDTH; x += Long.BYTES) {
        if ((long) LONGS.get(grey, start + x) == EIGHT_WHITE) {
          continue;
        }
        // anti-aliased text edges make the comparison unpredictable: no branch on it
        for (int i = x; i < x + Long.BYTES; i++) {
          k[i * HEIGHT + dot] = (byte) (((grey[start + i] & 0xFF) - K_THRESHOLD) >>> 31);
        }
      }
    }
    return k;
  }

  /**
   * The K panel of a black layer that differs in a few rows from {@code base}, whose K panel is
   * {@code baseInk}: only the rows that differ are thresholded again.
   */
  static byte[] ink(byte[] grey, byte[] base, byte[] baseInk) {
    byte[] k = baseInk.clone();
    for (int row = 0; row < HEIGHT; row++) {
      int start = row * WIDTH;
      if (Arrays.mismatch(grey, start, start + WIDTH, base, start, start + WIDTH) < 0) {
        continue;
      }
      int dot = HEIGHT - 1 - row;
      for (int x = 0; x < WIDTH; x++) {
        k[x * HEIGHT + dot] = (grey[start + x] & 0xFF) < K_THRESHOLD ? (byte) 1 : 0;
      }
    }
    return k;
  }

  /** Paints {@link #INK_RGB} into a landscape RGB image wherever a 2-level panel has ink. */
  static void paintInk(byte[] panel, int[] rgb) {
    for (int x = 0; x < WIDTH; x++) {
      int line = x * HEIGHT;
      for (int dot = 0; dot < HEIGHT; dot++) {
        if (panel[line + dot] != 0) {
          rgb[(HEIGHT - 1 - dot) * WIDTH + x] = INK_RGB;
        }
      }
    }
  }
}
