package org.cetak.intake;

import java.util.Optional;

/** Indonesian mobile numbers, for the pickup SMS. */
public final class PhoneNumbers {

  private PhoneNumbers() {}

  /**
   * Normalises {@code 0812-3456-789}, {@code 62812...}, {@code +62 812...} to {@code +62812...}.
   * Empty when it is not an Indonesian mobile number (08 + 8 to 11 digits).
   */
  public static Optional<String> normalise(String given) {
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < given.length(); i++) {
      char c = given.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if ((c != '+' || i != 0) // a leading plus marks the country code
          && c != ' '
          && c != '-'
          && c != '.'
          && c != '('
          && c != ')') {
        return Optional.empty();
      }
    }
    String national;
    String d = digits.toString();
    if (given.startsWith("+")) {
      if (!d.startsWith("62")) {
        return Optional.empty();
      }
      national = d.substring(2);
    } else if (d.startsWith("62")) {
      national = d.substring(2);
    } else if (d.startsWith("0")) {
      national = d.substring(1);
    } else {
      return Optional.empty();
    }
    // mobile numbers: 8xx subscriber numbers of 9 to 12 digits after the country code
    if (!national.startsWith("8") || national.length() < 9 || national.length() > 12) {
      return Optional.empty();
    }
    return Optional.of("+62" + national);
  }
}
