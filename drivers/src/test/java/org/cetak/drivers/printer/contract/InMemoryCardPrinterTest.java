package org.cetak.drivers.printer.contract;

import org.cetak.drivers.transport.ReopeningTransport;
import org.cetak.drivers.transport.StreamTransport;
import org.cetak.drivers.transport.Transport;
import org.cetak.sim.link.InMemoryEndpoint;
import org.cetak.sim.link.InMemoryPort;
import org.cetak.sim.printer.SessionOptions;
import org.cetak.sim.printer.SimulatedPrinter;

/** The driver over a pair of in-memory streams to the simulator (re-plugged after a drop). */
class InMemoryCardPrinterTest extends CardPrinterContract {

  @Override
  protected Transport connect(SimulatedPrinter printer, SessionOptions options) {
    return new ReopeningTransport(
        "mem:" + printer.name(),
        () -> {
          InMemoryPort port = InMemoryEndpoint.connect(printer, options);
          return StreamTransport.over(
              "mem:" + printer.name(), port.input(), port.output(), port::close);
        });
  }
}
