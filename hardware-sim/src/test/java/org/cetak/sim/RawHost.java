package org.cetak.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A test's own host side of the printer protocol, written from PROTOCOL.md for the tests (not the
 * drivers' codec): frames requests as raw bytes and reads CR-ended replies.
 */
public final class RawHost {

  public static final int MONO = 648 / 8 * 1016;

  private final OutputStream out;
  private final InputStream in;

  public RawHost(OutputStream out, InputStream in) {
    this.out = out;
    this.in = in;
  }

  /** Sends {@code ESC text CR} and returns the reply without its CR (null at end of stream). */
  public String ask(String text) throws IOException {
    sendRaw(frame(text));
    return reply();
  }

  public static byte[] frame(String text) {
    byte[] t = text.getBytes(StandardCharsets.US_ASCII);
    byte[] f = new byte[t.length + 2];
    f[0] = 0x1B;
    System.arraycopy(t, 0, f, 1, t.length);
    f[f.length - 1] = 0x0D;
    return f;
  }

  /** {@code ESC Db;p;levels;data CR}. */
  public static byte[] panel(String panel, int levels, byte[] data) {
    return binary("Db;" + panel + ";" + levels + ";", data);
  }

  /** {@code ESC Dbc;p;2;n;data CR}. */
  public static byte[] compressed(String panel, byte[] data) {
    return binary("Dbc;" + panel + ";2;" + data.length + ";", data);
  }

  private static byte[] binary(String head, byte[] data) {
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] f = new byte[1 + h.length + data.length + 1];
    f[0] = 0x1B;
    System.arraycopy(h, 0, f, 1, h.length);
    System.arraycopy(data, 0, f, 1 + h.length, data.length);
    f[f.length - 1] = 0x0D;
    return f;
  }

  /** A full panel of {@code levels} filled with a pattern from {@code seed}. */
  public static byte[] panelData(int levels, int seed) {
    int bits =
        switch (levels) {
          case 2 -> 1;
          case 32 -> 5;
          case 64 -> 6;
          default -> 7;
        };
    byte[] d = new byte[MONO * bits];
    for (int i = 0; i < d.length; i++) {
      d[i] = (byte) (i * 31 + seed);
    }
    return d;
  }

  /** A compressed K panel: blank, full and partial lines. */
  public static byte[] compressedData() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int line = 0; line < 1016; line++) {
      switch (line % 3) {
        case 0 -> b.write(0x00);
        case 1 -> b.write(0xFF);
        default -> {
          b.write(3);
          b.write(0x0D);
          b.write(0x1B);
          b.write(0x00);
        }
      }
    }
    return b.toByteArray();
  }

  /** The bitmap {@link #compressedData()} stands for. */
  public static byte[] compressedBitmap() {
    byte[] bm = new byte[MONO];
    for (int line = 0; line < 1016; line++) {
      int o = line * 81;
      if (line % 3 == 1) {
        Arrays.fill(bm, o, o + 81, (byte) 0xFF);
      } else if (line % 3 == 2) {
        bm[o] = 0x0D;
        bm[o + 1] = 0x1B;
      }
    }
    return bm;
  }

  public String send(byte[] request) throws IOException {
    sendRaw(request);
    return reply();
  }

  public void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Reads one reply up to CR (or NUL); null at end of stream. */
  public String reply() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    while (true) {
      int c = in.read();
      if (c < 0) {
        return null;
      }
      if (c == 0x0D || c == 0x00) {
        return b.toString(StandardCharsets.ISO_8859_1);
      }
      b.write(c);
    }
  }

  /** Prints a YMCKO front with a K back on the card and ejects it; returns the Se reply. */
  public String printColourCard() throws IOException {
    check(ask("Ss"));
    check(ask("Sr"));
    check(send(panel("y", 32, panelData(32, 1))));
    check(send(panel("m", 32, panelData(32, 2))));
    check(send(panel("c", 32, panelData(32, 3))));
    check(send(panel("k", 2, panelData(2, 4))));
    check(send(compressed("o", compressedData())));
    check(ask("Sv"));
    check(send(compressed("k", compressedData())));
    return ask("Se");
  }

  private static void check(String reply) {
    if (!"OK".equals(reply)) {
      throw new IllegalStateException("expected OK, got " + reply);
    }
  }
}
