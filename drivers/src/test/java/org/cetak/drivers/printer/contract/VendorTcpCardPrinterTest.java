package org.cetak.drivers.printer.contract;

import org.cetak.drivers.printer.PrinterDialect;

/** The contract in the vendor's dialect over TCP. */
class VendorTcpCardPrinterTest extends TcpCardPrinterTest {

  @Override
  protected PrinterDialect dialect() {
    return PrinterDialect.EVOLIS;
  }
}
