package org.cetak.sim.link;

import java.io.OutputStream;
import org.cetak.sim.printer.PrinterSession;
import org.cetak.sim.printer.SessionOptions;
import org.cetak.sim.printer.SimulatedPrinter;

/**
 * Connects a host to a simulated printer in-process, through a pair of streams. Each {@link
 * #connect} is a fresh cable to the same printer (its state, card and counters persist).
 */
public final class InMemoryEndpoint {

  private static final int PIPE_BYTES = 1 << 20;

  private InMemoryEndpoint() {}

  /** Connects with default session options. */
  public static InMemoryPort connect(SimulatedPrinter printer) {
    return connect(printer, SessionOptions.defaults());
  }

  /** Connects: starts a daemon thread serving the printer's side until the port closes. */
  public static InMemoryPort connect(SimulatedPrinter printer, SessionOptions options) {
    BytePipe requests = new BytePipe(PIPE_BYTES);
    BytePipe replies = new BytePipe(1 << 12);
    InMemoryPort port = new InMemoryPort(requests, replies);
    OutputStream toHost =
        new OutputStream() {
          @Override
          public void write(int b) throws java.io.IOException {
            replies.write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws java.io.IOException {
            replies.write(b, off, len);
          }
        };
    PrinterSession session =
        new PrinterSession(
            printer,
            requests::read,
            toHost,
            options,
            () -> {
              requests.breakPipe();
              replies.breakPipe();
            });
    Thread t =
        new Thread(
            () -> {
              try {
                session.run();
              } finally {
                replies.close();
              }
            },
            "sim-" + printer.name() + "-mem");
    t.setDaemon(true);
    t.start();
    return port;
  }
}
