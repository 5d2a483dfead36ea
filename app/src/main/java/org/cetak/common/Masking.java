package org.cetak.common;

/**
 * Masks personal identifiers for logs and screens that need no more than a hint (UU 27/2022 PDP). A
 * NIK or KK keeps its region prefix and last two digits: {@code 3271**********01}.
 */
public final class Masking {

  private Masking() {}

  /** Masks a NIK or KK; anything that is not 16 characters is masked whole. */
  public static String nik(String value) {
    if (value == null) {
      return "null";
    }
    if (value.length() != 16) {
      return "*".repeat(value.length());
    }
    return value.substring(0, 4) + "*".repeat(10) + value.substring(14);
  }

  /** Masks a phone number, keeping its last three digits. */
  public static String phone(String value) {
    if (value == null) {
      return "null";
    }
    int keep = Math.min(3, value.length());
    return "*".repeat(value.length() - keep) + value.substring(value.length() - keep);
  }
}
