package org.cetak.drivers.printer.contract;

import java.time.Duration;
import org.cetak.drivers.transport.Transport;
import org.cetak.drivers.transport.tcp.TcpTransport;
import org.cetak.sim.link.TcpEndpoint;
import org.cetak.sim.printer.SessionOptions;
import org.cetak.sim.printer.SimulatedPrinter;

/** The driver over TCP to the simulator's TCP endpoint on the loopback interface. */
class TcpCardPrinterTest extends CardPrinterContract {

  private TcpEndpoint endpoint;

  @Override
  protected Transport connect(SimulatedPrinter printer, SessionOptions options) throws Exception {
    endpoint = TcpEndpoint.start(printer, "127.0.0.1", 0, options);
    return TcpTransport.connect(
        new TcpTransport.Config("127.0.0.1", endpoint.port(), Duration.ofSeconds(2)));
  }

  @Override
  protected void disconnectAll() {
    if (endpoint != null) {
      endpoint.close();
    }
  }
}
