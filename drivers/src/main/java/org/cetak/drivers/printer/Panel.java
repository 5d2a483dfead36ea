package org.cetak.drivers.printer;

import java.util.Arrays;

/**
 * One full panel: {@value #WIDTH} dots across the card's short edge by {@value #HEIGHT} lines, line
 * after line, each dot a level from 0 to {@code levels - 1} (for 2 levels, 1 = ink).
 *
 * @param dots one byte per dot, {@code WIDTH * HEIGHT} of them; not copied, do not change it
 */
public record Panel(PanelColour colour, int levels, byte[] dots) {

  public static final int WIDTH = 648;
  public static final int HEIGHT = 1016;
  public static final int DOTS = WIDTH * HEIGHT;

  public Panel {
    if (PanelCodec.bitsPerDot(levels) < 0) {
      throw new IllegalArgumentException("levels must be 2, 32, 64 or 128, not " + levels);
    }
    if (dots.length != DOTS) {
      throw new IllegalArgumentException("a panel has " + DOTS + " dots, not " + dots.length);
    }
    int outOfRange = ~(levels - 1) & 0xFF; // levels is a power of two
    int seen = 0;
    for (byte dot : dots) {
      seen |= dot & outOfRange;
    }
    if (seen != 0) {
      for (int i = 0; i < dots.length; i++) {
        if ((dots[i] & 0xFF) >= levels) {
          throw new IllegalArgumentException(
              "dot " + i + " has level " + (dots[i] & 0xFF) + " of " + levels);
        }
      }
    }
  }

  /** A panel with every dot at level 0. */
  public static Panel blank(PanelColour colour, int levels) {
    return new Panel(colour, levels, new byte[DOTS]);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Panel p
        && p.colour == colour
        && p.levels == levels
        && Arrays.equals(p.dots, dots);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * colour.hashCode() + levels) + Arrays.hashCode(dots);
  }

  @Override
  public String toString() {
    return "Panel[" + colour + ", " + levels + " levels]";
  }
}
