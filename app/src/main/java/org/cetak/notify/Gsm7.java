package org.cetak.notify;

import java.util.Optional;

/**
 * The GSM 03.38 default alphabet and its extension table: what one SMS segment of 160 septets can
 * carry without switching the whole message to UCS-2 (70 characters). jsmpp and Kannel leave the
 * choice of alphabet to the caller, so the table is kept here; it is small and fixed by the
 * standard.
 */
public final class Gsm7 {

  /** One segment of a message in the default alphabet. */
  public static final int SEGMENT = 160;

  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

  /** Characters that take an escape plus one septet: two septets each. */
  private static final String EXTENSION = "^{}\\[~]|€\f";

  /** Each extension character's code after the escape, in the order of {@link #EXTENSION}. */
  private static final int[] EXTENSION_CODES = {
    0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65, 0x0A
  };

  private Gsm7() {}

  /** The first character of the text outside the GSM 7-bit alphabet, if any. */
  public static Optional<String> firstOutside(String text) {
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      String ch = new String(Character.toChars(cp));
      if (cp == 0x1B || (BASIC.indexOf(ch) < 0 && EXTENSION.indexOf(ch) < 0)) {
        return Optional.of(ch);
      }
      i += Character.charCount(cp);
    }
    return Optional.empty();
  }

  /** Septets the text takes in the default alphabet; only for text with no character outside it. */
  public static int septets(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      count += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
    }
    return count;
  }

  /**
   * The text in the SMSC default alphabet, one septet per byte (unpacked, as SMPP carries it with
   * data coding 0); extension characters as the escape and their code.
   */
  public static byte[] encode(String text) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int basic = BASIC.indexOf(c);
      int extension = EXTENSION.indexOf(c);
      if (basic >= 0 && c != 0x1B) {
        out.write(basic);
      } else if (extension >= 0) {
        out.write(0x1B);
        out.write(EXTENSION_CODES[extension]);
      } else {
        out.write(BASIC.indexOf('?'));
      }
    }
    return out.toByteArray();
  }

  /** The inverse of {@link #encode}. */
  public static String decode(byte[] septets) {
    StringBuilder text = new StringBuilder(septets.length);
    for (int i = 0; i < septets.length; i++) {
      int s = septets[i] & 0x7F;
      if (s == 0x1B && i + 1 < septets.length) {
        int code = septets[++i] & 0x7F;
        for (int e = 0; e < EXTENSION_CODES.length; e++) {
          if (EXTENSION_CODES[e] == code) {
            text.append(EXTENSION.charAt(e));
          }
        }
      } else {
        text.append(BASIC.charAt(s));
      }
    }
    return text.toString();
  }

  /**
   * How a character is named to an officer: itself and its code point, e.g. {@code "—" (U+2014)}.
   */
  public static String describe(String character) {
    return "\"" + character + "\" (U+" + String.format("%04X", character.codePointAt(0)) + ")";
  }
}
