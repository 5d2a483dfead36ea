package org.cetak.drivers.printer.contract;

import org.cetak.drivers.testing.SocatPty;
import org.cetak.drivers.transport.Transport;
import org.cetak.drivers.transport.serial.SerialTransport;
import org.cetak.sim.link.TcpEndpoint;
import org.cetak.sim.printer.SessionOptions;
import org.cetak.sim.printer.SimulatedPrinter;

/**
 * The driver through jSerialComm on a real pseudo-terminal (socat), the simulator on the other end.
 * A simulated port drop ends socat: the pty vanishes under jSerialComm as an unplugged USB adapter
 * does, and the serial adapter reopens the path when it is back.
 */
class PtyCardPrinterTest extends CardPrinterContract {

  private TcpEndpoint endpoint;
  private SocatPty pty;

  @Override
  protected Transport connect(SimulatedPrinter printer, SessionOptions options) throws Exception {
    SocatPty.assumeInstalled();
    endpoint = TcpEndpoint.start(printer, "127.0.0.1", 0, options);
    pty = SocatPty.toTcp(endpoint.port());
    return SerialTransport.open(SerialTransport.Config.standard(pty.path()));
  }

  @Override
  protected void disconnectAll() throws Exception {
    if (pty != null) {
      pty.close();
    }
    if (endpoint != null) {
      endpoint.close();
    }
  }
}
