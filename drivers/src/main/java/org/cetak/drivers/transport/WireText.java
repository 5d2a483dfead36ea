package org.cetak.drivers.transport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Renders wire bytes as one line of readable text for logs and transcripts.
 *
 * <p>Printable ASCII stays as it is; {@code \e} (ESC), {@code \r}, {@code \n}, {@code \0}, {@code
 * \\} and {@code \xHH} stand for the rest, and {@code <} is written {@code \x3C} so that the
 * summary token cannot be forged. The binary data of a panel ({@code Db}, {@code Dbc}) is a card
 * image: it is never written out, only summarised as {@code <data N bytes sha256=HEX>}. Any other
 * message longer than {@value #SUMMARY_THRESHOLD} bytes is summarised the same way after its first
 * 32 bytes.
 */
public final class WireText {

  /** Messages longer than this are summarised, never dumped. */
  public static final int SUMMARY_THRESHOLD = 512;

  private static final byte ESC = 0x1B;

  private WireText() {}

  /** The readable rendering of {@code bytes}. */
  public static String render(byte[] bytes) {
    int dataStart = panelDataStart(bytes);
    if (dataStart < 0 && bytes.length > SUMMARY_THRESHOLD) {
      dataStart = 32;
    }
    if (dataStart < 0) {
      return escape(bytes, 0, bytes.length);
    }
    int dataEnd = bytes.length;
    if (dataEnd > dataStart && bytes[dataEnd - 1] == 0x0D) {
      dataEnd--; // the request's own CR stays visible
    }
    return escape(bytes, 0, dataStart)
        + summary(bytes, dataStart, dataEnd)
        + escape(bytes, dataEnd, bytes.length);
  }

  /** Space-separated upper-case hex, for short messages only. */
  public static String hex(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
  }

  /** True when {@link #render} hides part of the message. */
  public static boolean summarised(byte[] bytes) {
    return panelDataStart(bytes) >= 0 || bytes.length > SUMMARY_THRESHOLD;
  }

  /** {@code <data N bytes sha256=HEX>} for the given range. */
  public static String summary(byte[] bytes, int from, int to) {
    return "<data " + (to - from) + " bytes sha256=" + sha256Hex(bytes, from, to) + ">";
  }

  /** Lower-case hex SHA-256 of a byte range. */
  public static String sha256Hex(byte[] bytes, int from, int to) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes, from, to - from);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Reverses the escapes of {@link #render} for a text without a summary token. */
  public static byte[] parse(String text) {
    if (text.contains("<")) {
      throw new IllegalArgumentException("a summarised message cannot be turned back into bytes");
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        if (c < 0x20 || c > 0x7E) {
          throw new IllegalArgumentException("unescaped character at " + i + " in: " + text);
        }
        out.write(c);
        continue;
      }
      if (i + 1 >= text.length()) {
        throw new IllegalArgumentException("dangling backslash in: " + text);
      }
      char e = text.charAt(++i);
      switch (e) {
        case 'e' -> out.write(ESC);
        case 'r' -> out.write(0x0D);
        case 'n' -> out.write(0x0A);
        case '0' -> out.write(0x00);
        case '\\' -> out.write('\\');
        case 'x' -> {
          if (i + 2 >= text.length()) {
            throw new IllegalArgumentException("short \\x escape in: " + text);
          }
          out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
          i += 2;
        }
        default -> throw new IllegalArgumentException("unknown escape \\" + e + " in: " + text);
      }
    }
    return out.toByteArray();
  }

  private static String escape(byte[] bytes, int from, int to) {
    StringBuilder text = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      int b = bytes[i] & 0xFF;
      switch (b) {
        case 0x1B -> text.append("\\e");
        case 0x0D -> text.append("\\r");
        case 0x0A -> text.append("\\n");
        case 0x00 -> text.append("\\0");
        case '\\' -> text.append("\\\\");
        default -> {
          if (b >= 0x20 && b <= 0x7E && b != '<') {
            text.append((char) b);
          } else {
            text.append(String.format("\\x%02X", b));
          }
        }
      }
    }
    return text.toString();
  }

  /**
   * Where the binary data of a {@code Db} or {@code Dbc} request starts (after its 3rd or 4th
   * {@code ;}, or the 5th of a four-parameter {@code Dbc} whose last header field counts the data),
   * or -1 when {@code bytes} is not such a request.
   */
  private static int panelDataStart(byte[] bytes) {
    int semicolons;
    if (startsWith(bytes, "Dbc;")) {
      int four = nthSemicolon(bytes, 4);
      int five = nthSemicolon(bytes, 5);
      if (four > 0 && five > four && counts(bytes, four, five - 1, bytes.length - 1 - five)) {
        return five;
      }
      return four;
    } else if (startsWith(bytes, "Db;")) {
      semicolons = 3;
    } else {
      return -1;
    }
    // the header is short ASCII; never scan into the data itself
    for (int i = 1, seen = 0; i < Math.min(bytes.length, 40); i++) {
      if (bytes[i] == ';' && ++seen == semicolons) {
        return i + 1;
      }
    }
    return -1;
  }

  private static int nthSemicolon(byte[] bytes, int n) {
    for (int i = 1, seen = 0; i < Math.min(bytes.length, 40); i++) {
      if (bytes[i] == ';' && ++seen == n) {
        return i + 1;
      }
    }
    return -1;
  }

  /** Whether {@code bytes[from, to)} is the decimal {@code n}. */
  private static boolean counts(byte[] bytes, int from, int to, int n) {
    if (to <= from || to - from > 9) {
      return false;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      if (bytes[i] < '0' || bytes[i] > '9') {
        return false;
      }
      value = value * 10 + (bytes[i] - '0');
    }
    return value == n;
  }

  private static boolean startsWith(byte[] bytes, String command) {
    byte[] name = command.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length < name.length + 1 || bytes[0] != ESC) {
      return false;
    }
    for (int i = 0; i < name.length; i++) {
      if (bytes[i + 1] != name[i]) {
        return false;
      }
    }
    return true;
  }
}
