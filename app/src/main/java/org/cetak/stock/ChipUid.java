package org.cetak.stock;

import java.util.Locale;
import java.util.Optional;
import org.cetak.common.DomainException;

/** Chip UIDs are hex of 4, 7 or 10 bytes; stored upper-case. */
public final class ChipUid {

  private ChipUid() {}

  public static Optional<String> normalise(Optional<String> uid) {
    return uid.map(ChipUid::normalise);
  }

  public static String normalise(String uid) {
    String hex = uid.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
    boolean lengthOk = hex.length() == 8 || hex.length() == 14 || hex.length() == 20;
    if (!lengthOk || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new DomainException(
          StockError.INVALID_CHIP_UID,
          "Chip UID '" + uid + "' is not hex of 4, 7 or 10 bytes",
          uid);
    }
    return hex;
  }
}
