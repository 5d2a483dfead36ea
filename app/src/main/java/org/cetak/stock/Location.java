package org.cetak.stock;

/**
 * Where a blank (or a withdrawn old card) can be. Sources ({@link #CENTRE}, {@link #BORROWED},
 * {@link #WITHDRAWN}) only give; their totals are counted from the ledger, they hold no balance.
 */
public enum Location {
  /** The centre (Ditjen Dukcapil), source of every drop. */
  CENTRE(true, false),
  /** The office's vault (gudang blanko). */
  VAULT(false, false),
  /** A printer's input hopper. */
  FEEDER(false, true),
  /** Picked from the feeder, somewhere in the printer. */
  INSIDE_PRINTER(false, true),
  /** Printed and ejected; issued to a resident. */
  PRINTED(false, false),
  /** Spoiled, awaiting destruction (the reject pile). */
  SPOILED(false, false),
  /** Destroyed under a destruction report (berita acara pemusnahan). */
  DESTROYED(false, false),
  /** Lent to another office. */
  LENT(false, false),
  /** Source of blanks borrowed from another office. */
  BORROWED(true, false),
  /** Outcome unknown after a fault, until an operator resolves it. */
  UNKNOWN(false, true),
  /** Source of old cards withdrawn from residents at pickup. */
  WITHDRAWN(true, false),
  /**
   * Missing, under an approved loss report (berita acara kehilangan): nothing to destroy; moved
   * back if found.
   */
  LOST(false, false);

  private final boolean source;
  private final boolean perPrinter;

  Location(boolean source, boolean perPrinter) {
    this.source = source;
    this.perPrinter = perPrinter;
  }

  public boolean isSource() {
    return source;
  }

  /** Whether the location exists once per printer (and so needs a printer id). */
  public boolean isPerPrinter() {
    return perPrinter;
  }
}
