package org.cetak.drivers.printer;

import java.io.ByteArrayOutputStream;

/**
 * Panel encoding of PROTOCOL.md part A, as pure functions: dots packed MSB first at 1, 5, 6 or 7
 * bits per dot ({@code Db}), and the line compression of 2-level panels ({@code Dbc}).
 */
public final class PanelCodec {

  /** Bytes in one 2-level line: 648 dots at 1 bit. */
  public static final int LINE_BYTES_2_LEVELS = Panel.WIDTH / 8;

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
    byte[] out = new byte[packedLength(panel.levels())];
    byte[] dots = panel.dots();
    long accumulator = 0;
    int held = 0;
    int o = 0;
    for (byte dot : dots) {
      accumulator = (accumulator << bits) | (dot & 0xFF);
      held += bits;
      while (held >= 8) {
        held -= 8;
        out[o++] = (byte) (accumulator >>> held);
      }
    }
    return out;
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
