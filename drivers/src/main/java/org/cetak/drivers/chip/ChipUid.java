package org.cetak.drivers.chip;

import java.util.Arrays;
import java.util.HexFormat;

/** A contactless chip's UID: 4, 7 or 10 bytes (ISO/IEC 14443-3). */
public final class ChipUid {

  private final byte[] bytes;

  private ChipUid(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Throws {@link IllegalArgumentException} for any other length. */
  public static ChipUid of(byte[] bytes) {
    if (bytes.length != 4 && bytes.length != 7 && bytes.length != 10) {
      throw new IllegalArgumentException("a UID has 4, 7 or 10 bytes, not " + bytes.length);
    }
    return new ChipUid(bytes.clone());
  }

  public static ChipUid ofHex(String hex) {
    return of(HexFormat.of().parseHex(hex));
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  /** Upper-case hex without separators, as officers read it. */
  public String hex() {
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChipUid uid && Arrays.equals(uid.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
