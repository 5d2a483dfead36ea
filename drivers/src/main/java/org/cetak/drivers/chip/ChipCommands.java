package org.cetak.drivers.chip;

import java.util.HexFormat;

/** Command APDUs of the open profile (PROTOCOL.md part B), built as pure functions. */
public final class ChipCommands {

  /** {@code F0 43 45 54 41 4B 01}: unregistered proprietary, "CETAK", 01. */
  public static final byte[] AID = HexFormat.of().parseHex("F043455441 4B01".replace(" ", ""));

  /** The largest UPDATE BINARY chunk. */
  public static final int MAX_WRITE_CHUNK = 224;

  /** The largest READ BINARY chunk (Le = 00). */
  public static final int MAX_READ_CHUNK = 256;

  private ChipCommands() {}

  /** {@code FF CA 00 00 00}: the PC/SC pseudo-APDU for the UID. */
  public static byte[] getUid() {
    return new byte[] {(byte) 0xFF, (byte) 0xCA, 0, 0, 0};
  }

  /** {@code 00 A4 04 0C 07 <AID>}. */
  public static byte[] selectApplication() {
    byte[] apdu = new byte[5 + AID.length];
    apdu[1] = (byte) 0xA4;
    apdu[2] = 0x04;
    apdu[3] = 0x0C;
    apdu[4] = (byte) AID.length;
    System.arraycopy(AID, 0, apdu, 5, AID.length);
    return apdu;
  }

  /** {@code 00 A4 02 0C 02 <FID>}. */
  public static byte[] selectFile(ChipFile file) {
    return new byte[] {
      0, (byte) 0xA4, 0x02, 0x0C, 0x02, (byte) (file.fid() >> 8), (byte) file.fid()
    };
  }

  /** {@code 00 D6 <offset> <Lc> <data>}, at most {@value #MAX_WRITE_CHUNK} bytes. */
  public static byte[] updateBinary(int offset, byte[] data, int from, int length) {
    if (length < 1 || length > MAX_WRITE_CHUNK) {
      throw new IllegalArgumentException("chunk of " + length + " bytes");
    }
    checkOffset(offset);
    byte[] apdu = new byte[5 + length];
    apdu[1] = (byte) 0xD6;
    apdu[2] = (byte) (offset >> 8);
    apdu[3] = (byte) offset;
    apdu[4] = (byte) length;
    System.arraycopy(data, from, apdu, 5, length);
    return apdu;
  }

  /** {@code 00 B0 <offset> <Le>}, Le from 1 to 256 (256 is sent as 00). */
  public static byte[] readBinary(int offset, int length) {
    if (length < 1 || length > MAX_READ_CHUNK) {
      throw new IllegalArgumentException("read of " + length + " bytes");
    }
    checkOffset(offset);
    return new byte[] {0, (byte) 0xB0, (byte) (offset >> 8), (byte) offset, (byte) length};
  }

  /** {@code 80 E0 00 00 00}: the proprietary lock. */
  public static byte[] lock() {
    return new byte[] {(byte) 0x80, (byte) 0xE0, 0, 0, 0};
  }

  /** A log-safe rendering: header in hex, data only as length and SHA-256. */
  public static String describe(byte[] apdu) {
    HexFormat hex = HexFormat.ofDelimiter(" ").withUpperCase();
    if (apdu.length <= 5 || (apdu[1] & 0xFF) != 0xD6) {
      return hex.formatHex(apdu);
    }
    return hex.formatHex(apdu, 0, 5) + " " + digest(apdu, 5, apdu.length);
  }

  /** A log-safe rendering of a response: data only as length and SHA-256. */
  public static String describeResponse(byte[] response) {
    if (response.length <= 2) {
      return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(response);
    }
    return digest(response, 0, response.length - 2)
        + " "
        + HexFormat.ofDelimiter(" ")
            .withUpperCase()
            .formatHex(response, response.length - 2, response.length);
  }

  private static String digest(byte[] bytes, int from, int to) {
    byte[] part = java.util.Arrays.copyOfRange(bytes, from, to);
    return "<data "
        + part.length
        + " bytes sha256="
        + HexFormat.of().formatHex(ChipPayload.sha256(part))
        + ">";
  }

  private static void checkOffset(int offset) {
    if (offset < 0 || offset > 0x7FFF) {
      throw new IllegalArgumentException("offset " + offset + " does not fit 15 bits");
    }
  }
}
