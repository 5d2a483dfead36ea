package org.cetak.drivers.printer.contract;

import org.cetak.drivers.printer.PrinterDialect;

/**
 * The contract in the vendor's dialect through jSerialComm on a socat pseudo-terminal: among
 * others, a whole YMCKO front and K back printed and ejected.
 */
class VendorPtyCardPrinterTest extends PtyCardPrinterTest {

  @Override
  protected PrinterDialect dialect() {
    return PrinterDialect.EVOLIS;
  }
}
