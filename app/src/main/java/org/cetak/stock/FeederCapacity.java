package org.cetak.stock;

/** How many blanks a printer's feeder (input hopper) holds, from its model. */
@FunctionalInterface
public interface FeederCapacity {

  /** The most blanks the printer's feeder holds. */
  int of(Printer printer);
}
