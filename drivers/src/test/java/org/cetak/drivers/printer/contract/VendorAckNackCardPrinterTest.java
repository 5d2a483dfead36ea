package org.cetak.drivers.printer.contract;

import org.cetak.drivers.printer.PrinterDialect;

/** The contract in the vendor's dialect on a port set to the ACK/NACK protocol. */
class VendorAckNackCardPrinterTest extends InMemoryCardPrinterTest {

  @Override
  protected PrinterDialect dialect() {
    return PrinterDialect.EVOLIS;
  }

  @Override
  protected boolean ackNack() {
    return true;
  }
}
