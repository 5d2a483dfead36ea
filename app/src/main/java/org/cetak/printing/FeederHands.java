package org.cetak.printing;

/**
 * The hands that put a stack of blanks into a printer's feeder, or carry blanks from one printer's
 * feeder into another's. In an office these are the operator's, and Cetak only records the move;
 * the demo's simulated printers are loaded here.
 */
public interface FeederHands {

  void load(String printerCode, int quantity);

  /** Takes {@code quantity} blanks out of a printer's feeder, back to the vault. */
  default void unload(String printerCode, int quantity) {}

  /** Takes {@code quantity} blanks out of one printer's feeder and puts them in another's. */
  default void move(String fromPrinter, String toPrinter, int quantity) {}

  /** An office: the operator has already put the blanks in. */
  static FeederHands operator() {
    return (printerCode, quantity) -> {};
  }
}
