package org.cetak.printing;

/**
 * The hands that put a stack of blanks into a printer's feeder. In an office these are the
 * operator's, and Cetak only records the load; the demo's simulated printers are loaded here.
 */
public interface FeederHands {

  void load(String printerCode, int quantity);

  /** An office: the operator has already put the blanks in. */
  static FeederHands operator() {
    return (printerCode, quantity) -> {};
  }
}
