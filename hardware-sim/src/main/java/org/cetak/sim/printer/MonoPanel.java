package org.cetak.sim.printer;

import java.util.Arrays;

/**
 * A monochrome panel as the printer lays it out: 1016 lines of 81 bytes, one bit a dot, and the
 * line compression of {@code Dbc} (PROTOCOL.md part A): each line starts with a byte that says
 * blank ({@code 00}), all black ({@code FF}) or how many bytes of the line follow, the rest of the
 * line blank.
 */
final class MonoPanel {

  static final int LINE_BYTES = 81;
  static final int LINES = 1016;
  static final int BYTES = LINE_BYTES * LINES;

  /** The most bytes a compressed panel can take: every line written out with its length byte. */
  static final int MAX_COMPRESSED = LINES * (LINE_BYTES + 1);

  private MonoPanel() {}

  /**
   * Expands {@code count} bytes of {@code compressed} into {@code bitmap}, lines before {@code
   * first} blank; false when they do not make exactly the lines from {@code first} to the last.
   */
  static boolean decompress(byte[] compressed, int count, int first, byte[] bitmap) {
    int in = 0;
    int out = first * LINE_BYTES;
    Arrays.fill(bitmap, 0, out, (byte) 0);
    for (int line = first; line < LINES; line++) {
      if (in >= count) {
        return false;
      }
      int h = compressed[in++] & 0xFF;
      if (h == 0x00) {
        Arrays.fill(bitmap, out, out + LINE_BYTES, (byte) 0);
      } else if (h == 0xFF) {
        Arrays.fill(bitmap, out, out + LINE_BYTES, (byte) 0xFF);
      } else if (h <= LINE_BYTES) {
        if (in + h > count) {
          return false;
        }
        System.arraycopy(compressed, in, bitmap, out, h);
        Arrays.fill(bitmap, out + h, out + LINE_BYTES, (byte) 0);
        in += h;
      } else {
        return false;
      }
      out += LINE_BYTES;
    }
    return in == count;
  }
}
