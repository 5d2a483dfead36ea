package org.cetak.drivers.printer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One full panel: {@value #WIDTH} dots across the card's short edge by {@value #HEIGHT} lines, line
 * after line, each dot a level from 0 to {@code levels - 1} (for 2 levels, 1 = ink).
 *
 * @param dots one byte per dot, {@code WIDTH * HEIGHT} of them; not copied, do not change it
 */
// equals, hashCode and toString below look at the contents; the dots are not copied.
@SuppressWarnings("ArrayRecordComponent")
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
    if (!allBelow(dots, levels)) {
      for (int i = 0; i < dots.length; i++) {
        if ((dots[i] & 0xFF) >= levels) {
          throw new IllegalArgumentException(
              "dot " + i + " has level " + (dots[i] & 0xFF) + " of " + levels);
        }
      }
    }
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Whether every dot is below {@code levels}, a power of two: eight dots at a time. */
  private static boolean allBelow(byte[] dots, int levels) {
    long outOfRange = (~(levels - 1) & 0xFFL) * 0x0101010101010101L;
    long seen = 0;
    int i = 0;
    for (; i + 8 <= dots.length; i += 8) {
      seen |= (long) LONGS.get(dots, i);
    }
    for (; i < dots.length; i++) {
      seen |= dots[i] & 0xFFL;
    }
    return (seen & outOfRange) == 0;
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
