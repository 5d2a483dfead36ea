package org.cetak.drivers.printer;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Panel encoding of PROTOCOL.md part A, as pure functions: dots packed MSB first at 1, 5, 6 or 7
 * bits per dot ({@code Db}), and the line compression of 2-level panels ({@code Dbc}).
 */
public final class PanelCodec {

  /** Bytes in one 2-level line: 648 dots at 1 bit. */
  public static final int LINE_BYTES_2_LEVELS = Panel.WIDTH / 8;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private PanelCodec() {}

  /** 1, 5, 6 or 7 for 2, 32, 64 or 128 levels; -1 for any other count. */
  public static int bitsPerDot(int levels) {
    return switch (levels) {
      case 2 -> 1;
      case 32 -> 5;
      case 64 -> 6;
      case 128 -> 7;
      default -> -1;
    };
  }

  /** Length of a full {@code Db} panel: 82,296 / 411,480 / 493,776 / 576,072 bytes. */
  public static int packedLength(int levels) {
    return Panel.DOTS * bitsPerDot(levels) / 8;
  }

  /** The {@code Db} data of a panel: every dot's level, MSB first, every bit used. */
  public static byte[] pack(Panel panel) {
    int bits = bitsPerDot(panel.levels());
    return bits == 1 ? packOneBit(panel.dots()) : pack(panel.dots(), bits);
  }

  /**
   * Eight dots of 0 or 1, read as one long a dot a byte, become one byte: the multiplication moves
   * the low bit of every byte into the top byte, first dot highest, and no carry reaches it.
   */
  private static byte[] packOneBit(byte[] dots) {
    byte[] out = new byte[dots.length / 8];
    for (int d = 0, o = 0; o < out.length; d += 8, o++) {
      out[o] = (byte) (((long) LONGS.get(dots, d) * 0x0102040810204080L) >>> 56);
    }
    return out;
  }

  /**
   * Eight dots of {@code bits} bits make exactly {@code bits} bytes. The eight are read as one
   * long, a dot a byte, and squeezed together in three steps: byte pairs, pairs of pairs, then the
   * two halves. Every dot is below its level (Panel checks), so no dot spills into its neighbour's
   * bits.
   */
  private static byte[] pack(byte[] dots, int bits) {
    byte[] out = new byte[dots.length / 8 * bits];
    int pair = 8 - bits;
    int quad = 16 - 2 * bits;
    int half = 32 - 4 * bits;
    int groups = dots.length / 8;
    // a group is stored as a whole long whose bytes after the group's own are overwritten by the
    // next groups; the last few groups, where such a long would overrun the end, byte by byte
    int whole = (out.length - Long.BYTES) / bits + 1;
    int d = 0;
    int o = 0;
    for (int g = 0; g < whole; g++, d += 8, o += bits) {
      LONGS.set(out, o, squeeze((long) LONGS.get(dots, d), pair, quad, half) << (64 - 8 * bits));
    }
    for (int g = whole; g < groups; g++, d += 8, o += bits) {
      long v = squeeze((long) LONGS.get(dots, d), pair, quad, half);
      for (int i = 0; i < bits; i++) {
        out[o + i] = (byte) (v >>> (8 * (bits - 1 - i)));
      }
    }
    return out;
  }

  private static long squeeze(long v, int pair, int quad, int half) {
    long pairs = ((v & 0xFF00FF00FF00FF00L) >>> pair) | (v & 0x00FF00FF00FF00FFL);
    long quads = ((pairs & 0xFFFF0000FFFF0000L) >>> quad) | (pairs & 0x0000FFFF0000FFFFL);
    return ((quads & 0xFFFFFFFF00000000L) >>> half) | (quads & 0x00000000FFFFFFFFL);
  }

  /** Reverses {@link #pack}; throws {@link IllegalArgumentException} on a wrong length. */
  public static Panel unpack(PanelColour colour, int levels, byte[] data) {
    int bits = bitsPerDot(levels);
    if (bits < 0 || data.length != packedLength(levels)) {
      throw new IllegalArgumentException(
          "not a " + levels + "-level panel: " + data.length + " bytes");
    }
    byte[] dots = new byte[Panel.DOTS];
    int mask = (1 << bits) - 1;
    long accumulator = 0;
    int held = 0;
    int d = 0;
    for (byte b : data) {
      accumulator = (accumulator << 8) | (b & 0xFF);
      held += 8;
      while (held >= bits && d < dots.length) {
        held -= bits;
        dots[d++] = (byte) ((accumulator >>> held) & mask);
      }
    }
    return new Panel(colour, levels, dots);
  }

  /**
   * The {@code Dbc} data of packed 2-level panel data: per line {@code 00} (blank), {@code FF}
   * (full), or {@code N} (1-81) then the line's first N bytes, the rest being zero.
   */
  public static byte[] compress(byte[] packed2Levels) {
    if (packed2Levels.length != packedLength(2)) {
      throw new IllegalArgumentException("not a 2-level panel: " + packed2Levels.length + " bytes");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(packed2Levels.length / 4);
    for (int line = 0; line < Panel.HEIGHT; line++) {
      int start = line * LINE_BYTES_2_LEVELS;
      int end = start + LINE_BYTES_2_LEVELS;
      int used = 0;
      boolean full = true;
      for (int i = start; i < end; i++) {
        if (packed2Levels[i] != 0) {
          used = i - start + 1;
        }
        full &= packed2Levels[i] == (byte) 0xFF;
      }
      if (full) {
        out.write(0xFF);
      } else if (used == 0) {
        out.write(0x00);
      } else {
        out.write(used);
        out.write(packed2Levels, start, used);
      }
    }
    return out.toByteArray();
  }

  /** Reverses {@link #compress}; throws {@link IllegalArgumentException} on malformed data. */
  public static byte[] decompress(byte[] compressed) {
    byte[] out = new byte[packedLength(2)];
    int i = 0;
    for (int line = 0; line < Panel.HEIGHT; line++) {
      if (i >= compressed.length) {
        throw new IllegalArgumentException("compressed panel ends at line " + line);
      }
      int code = compressed[i++] & 0xFF;
      int start = line * LINE_BYTES_2_LEVELS;
      if (code == 0xFF) {
        java.util.Arrays.fill(out, start, start + LINE_BYTES_2_LEVELS, (byte) 0xFF);
      } else if (code > LINE_BYTES_2_LEVELS) {
        throw new IllegalArgumentException("line " + line + " has length code " + code);
      } else if (code > 0) {
        if (i + code > compressed.length) {
          throw new IllegalArgumentException("line " + line + " is cut short");
        }
        System.arraycopy(compressed, i, out, start, code);
        i += code;
      }
    }
    if (i != compressed.length) {
      throw new IllegalArgumentException(
          (compressed.length - i) + " bytes after the last line of a compressed panel");
    }
    return out;
  }
}
