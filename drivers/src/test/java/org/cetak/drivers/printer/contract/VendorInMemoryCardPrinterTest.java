package org.cetak.drivers.printer.contract;

import org.cetak.drivers.printer.PrinterDialect;

/**
 * The contract in the vendor's dialect over in-memory streams, the driver detecting the dialect
 * from the printer's refusal of {@code Rst}.
 */
class VendorInMemoryCardPrinterTest extends InMemoryCardPrinterTest {

  @Override
  protected PrinterDialect dialect() {
    return PrinterDialect.EVOLIS;
  }

  @Override
  protected boolean dialectConfigured() {
    return false;
  }
}
