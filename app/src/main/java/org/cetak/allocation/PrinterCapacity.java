package org.cetak.allocation;

/** How many cards the office's printers can make in a day (100-300 per machine in the field). */
@FunctionalInterface
public interface PrinterCapacity {

  int cardsPerDay(long officeId);
}
