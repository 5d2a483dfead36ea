package org.cetak.common;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The one masking rule of Cetak for personal data (UU 27/2022 PDP) in log lines, {@code toString}
 * and screens that need no more than a hint. Every record that carries a NIK, KK, name, address,
 * birth date or phone masks it with these methods, so nothing prints it whole by accident.
 *
 * <ul>
 *   <li>NIK and KK: the province and regency digits and the last two, {@code 3271**********01};
 *   <li>phone: the last three digits, {@code **********789};
 *   <li>name: the first letter of each word, {@code S*** W***};
 *   <li>address, birth place and any other free text: nothing, {@code ***};
 *   <li>birth date: nothing, {@code ****-**-**}.
 * </ul>
 */
public final class Masking {

  private static final String HIDDEN = "***";

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

  /** Masks an optional phone number. */
  public static String phone(Optional<String> value) {
    return value.map(Masking::phone).orElse("none");
  }

  /** Masks a person's name to the first letter of each word. */
  public static String name(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder masked = new StringBuilder();
    for (String word : value.strip().split("\\s+", -1)) {
      if (!word.isEmpty()) {
        masked.append(masked.length() == 0 ? "" : " ").append(word.charAt(0)).append(HIDDEN);
      }
    }
    return masked.toString();
  }

  /** Masks free text that can point at a person (an address, a birth place) whole. */
  public static String text(String value) {
    return value == null ? "null" : HIDDEN;
  }

  /** Masks a birth date whole. */
  public static String date(LocalDate value) {
    return value == null ? "null" : "****-**-**";
  }
}
