package org.cetak.drivers.printer;

import java.util.Locale;
import java.util.Optional;

/**
 * The command language a printer speaks: Cetak's (PROTOCOL.md part A, status in one line from
 * {@code Rst}) or the vendor's own (Evolis family: status from {@code Rok}, {@code Rlr;p}, {@code
 * Rse}, {@code Rco}, {@code Rrt;count} or {@code Rcr}). A printer that refuses {@code Rst} speaks
 * the vendor's.
 */
public enum PrinterDialect {
  CETAK,
  EVOLIS;

  /**
   * The dialect of a configuration word ({@code cetak}, {@code evolis}); empty for another word.
   */
  public static Optional<PrinterDialect> of(String word) {
    for (PrinterDialect d : values()) {
      if (d.name().equals(word.trim().toUpperCase(Locale.ROOT))) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The word used in configuration. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
