package org.cetak.drivers.printer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Panel encoding of PROTOCOL.md part A, as pure functions: dots packed MSB first at 1, 5, 6 or 7
 * bits per dot ({@code Db}), and the line compression of 2-level panels ({@code Dbc}).
 *
 * <p>A line of 648 dots packs into a whole number of bytes at any depth, so a panel's {@code Db}
 * data is its lines' data one after the other, and lines can be packed on their own.
 */
public final class PanelCodec {

  /** Bytes in one 2-level line: 648 dots at 1 bit. */
  public static final int LINE_BYTES_2_LEVELS = Panel.WIDTH / 8;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private static final byte[] FULL_LINE = new byte[LINE_BYTES_2_LEVELS];
  private static final byte[] BLANK_LINE = new byte[LINE_BYTES_2_LEVELS];

  static {
    Arrays.fill(FULL_LINE, (byte) 0xFF);
  }

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

  /** Length of one line of {@code Db} data: 81, 405, 486 or 567 bytes. */
  public static int lineLength(int levels) {
    return Panel.WIDTH * bitsPerDot(levels) / 8;
  }

  /** The {@code Db} data of a panel: every dot's level, MSB first, every bit used. */
  public static byte[] pack(Panel panel) {
    byte[] out = new byte[packedLength(panel.levels())];
    packLines(panel.dots(), panel.levels(), 0, Panel.HEIGHT, out, 0);
    return out;
  }

  /**
   * Packs lines {@code [fromLine, toLine)} of a panel's dots into {@code out} from {@code at}, and
   * checks that every dot read is below {@code levels}.
   *
   * @throws IllegalArgumentException naming the first dot at or above {@code levels}
   */
  static void packLines(byte[] dots, int levels, int fromLine, int toLine, byte[] out, int at) {
    int from = fromLine * Panel.WIDTH;
    int to = toLine * Panel.WIDTH;
    long seen =
        switch (levels) {
          case 2 -> packOneBit(dots, from, to, out, at);
          case 32 -> packFiveBits(dots, from, to, out, at);
          default -> packBits(dots, from, to, bitsPerDot(levels), out, at);
        };
    if ((seen & ~(levels - 1L)) != 0) {
      throw outOfRange(dots, from, to, levels);
    }
  }

  /**
   * Eight dots of 0 or 1, read as one long a dot a byte, become one byte: the multiplication moves
   * the low bit of every byte into the top byte, first dot highest, and no carry reaches it.
   * Returns every dot's bits or-ed together, each byte of the long apart, folded into one byte.
   */
  private static long packOneBit(byte[] dots, int from, int to, byte[] out, int at) {
    long seen = 0;
    for (int d = from, o = at; d < to; d += 8, o++) {
      long eight = (long) LONGS.get(dots, d);
      seen |= eight;
      out[o] = (byte) ((eight * 0x0102040810204080L) >>> 56);
    }
    return fold(seen);
  }

  /**
   * Eight dots of 5 bits make five bytes: read as one long a dot a byte, neighbouring dots are
   * joined in pairs, then pairs of pairs, then the two halves, which leaves the eight dots' 40 bits
   * in the low five bytes, first dot highest. Returns every dot's bits or-ed together.
   */
  private static long packFiveBits(byte[] dots, int from, int to, byte[] out, int at) {
    long seen = 0;
    for (int d = from, o = at; d < to; d += 8, o += 5) {
      long eight = (long) LONGS.get(dots, d);
      seen |= eight;
      long pairs = (eight & 0x00FF00FF00FF00FFL) | (eight & 0xFF00FF00FF00FF00L) >>> 3;
      long quads = (pairs & 0x0000FFFF0000FFFFL) | (pairs & 0xFFFF0000FFFF0000L) >>> 6;
      long forty = (quads & 0x00000000FFFFFFFFL) | (quads & 0xFFFFFFFF00000000L) >>> 12;
      INTS.set(out, o, (int) (forty >>> 8));
      out[o + 4] = (byte) forty;
    }
    return fold(seen);
  }

  /**
   * Eight dots of {@code bits} bits make exactly {@code bits} bytes: gathered into one long, first
   * dot highest, then written out byte by byte. Returns every dot or-ed together.
   */
  private static long packBits(byte[] dots, int from, int to, int bits, byte[] out, int at) {
    int seen = 0;
    for (int d = from, o = at; d < to; d += 8, o += bits) {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        int dot = dots[d + i] & 0xFF;
        seen |= dot;
        v = v << bits | dot;
      }
      for (int i = bits - 1; i >= 0; i--, v >>>= 8) {
        out[o + i] = (byte) v;
      }
    }
    return seen;
  }

  private static long fold(long bytes) {
    long b = bytes | bytes >>> 32;
    b |= b >>> 16;
    return (b | b >>> 8) & 0xFF;
  }

  private static IllegalArgumentException outOfRange(byte[] dots, int from, int to, int levels) {
    for (int i = from; i < to; i++) {
      if ((dots[i] & 0xFF) >= levels) {
        return new IllegalArgumentException(
            "dot " + i + " has level " + (dots[i] & 0xFF) + " of " + levels);
      }
    }
    throw new IllegalStateException("no dot at or above " + levels + " after all");
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
    byte[] out = new byte[Panel.HEIGHT + packed2Levels.length];
    int at = 0;
    for (int line = 0; line < Panel.HEIGHT; line++) {
      System.arraycopy(packed2Levels, line * LINE_BYTES_2_LEVELS, out, at + 1, LINE_BYTES_2_LEVELS);
      at = codeLine(out, at);
    }
    return Arrays.copyOf(out, at);
  }

  /**
   * The {@code Dbc} data of a 2-level panel's dots, packed and compressed line by line in one pass
   * (the same bytes as {@link #compress} of {@link #pack}).
   *
   * @throws IllegalArgumentException naming the first dot above 1
   */
  static byte[] packAndCompress(byte[] dots) {
    byte[] out = new byte[Panel.HEIGHT + packedLength(2)];
    int at = 0;
    for (int line = 0; line < Panel.HEIGHT; line++) {
      packLines(dots, 2, line, line + 1, out, at + 1);
      at = codeLine(out, at);
    }
    return Arrays.copyOf(out, at);
  }

  /**
   * Puts the code of the line whose packed bytes are at {@code out[at + 1 ..]} at {@code out[at]},
   * keeping only the bytes the code announces; returns where the next line's code goes.
   */
  private static int codeLine(byte[] out, int at) {
    int start = at + 1;
    int end = start + LINE_BYTES_2_LEVELS;
    if (Arrays.mismatch(out, start, end, BLANK_LINE, 0, LINE_BYTES_2_LEVELS) < 0) {
      out[at] = 0x00;
      return start;
    }
    if (Arrays.mismatch(out, start, end, FULL_LINE, 0, LINE_BYTES_2_LEVELS) < 0) {
      out[at] = (byte) 0xFF;
      return start;
    }
    int used = LINE_BYTES_2_LEVELS;
    while (out[start + used - 1] == 0) {
      used--;
    }
    out[at] = (byte) used;
    return start + used;
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
        Arrays.fill(out, start, start + LINE_BYTES_2_LEVELS, (byte) 0xFF);
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
