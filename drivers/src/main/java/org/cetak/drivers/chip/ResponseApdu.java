package org.cetak.drivers.chip;

import java.util.Arrays;

/** A response APDU: data and the two status bytes. */
// equals, hashCode and toString below look at the contents.
@SuppressWarnings("ArrayRecordComponent")
public record ResponseApdu(byte[] data, int statusWord) {

  public static final int OK = 0x9000;
  public static final int END_OF_FILE = 0x6282;
  public static final int MEMORY_FAILURE = 0x6581;
  public static final int WRONG_LENGTH = 0x6700;
  public static final int LOCKED = 0x6982;
  public static final int FILE_NOT_FOUND = 0x6A82;
  public static final int BEYOND_FILE = 0x6B00;
  public static final int INS_NOT_SUPPORTED = 0x6D00;

  /**
   * Splits raw response bytes.
   *
   * @throws ChipProtocolException fewer than two bytes
   */
  public static ResponseApdu parse(byte[] raw) {
    if (raw == null || raw.length < 2) {
      throw new ChipProtocolException(
          "response of " + (raw == null ? 0 : raw.length) + " bytes has no status word");
    }
    int sw = ((raw[raw.length - 2] & 0xFF) << 8) | (raw[raw.length - 1] & 0xFF);
    return new ResponseApdu(Arrays.copyOf(raw, raw.length - 2), sw);
  }

  public boolean ok() {
    return statusWord == OK;
  }

  /** {@code 6A 82} style. */
  public static String sw(int statusWord) {
    return String.format("%02X %02X", statusWord >> 8, statusWord & 0xFF);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResponseApdu r
        && r.statusWord == statusWord
        && Arrays.equals(r.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(data) + statusWord;
  }

  @Override
  public String toString() {
    return "ResponseApdu[" + data.length + " bytes, SW " + sw(statusWord) + "]";
  }
}
