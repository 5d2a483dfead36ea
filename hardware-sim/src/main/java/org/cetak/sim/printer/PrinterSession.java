package org.cetak.sim.printer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one connection to a printer: reads requests, executes them, writes each reply ended by CR,
 * and applies reply faults (garbled, none, late, connection dropped). Runs until the stream ends or
 * the connection is dropped.
 */
public final class PrinterSession implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(PrinterSession.class);

  /** What a session needs of its connection beyond the byte streams. */
  public interface Connection {
    /** Drops the connection and makes the port disappear (a {@code DISCONNECT} fault). */
    void drop();
  }

  private final SimulatedPrinter printer;
  private final RequestReader reader;
  private final OutputStream out;
  private final SessionOptions options;
  private final Connection connection;

  public PrinterSession(
      SimulatedPrinter printer,
      ByteSource in,
      OutputStream out,
      SessionOptions options,
      Connection connection) {
    this.printer = printer;
    this.reader =
        new RequestReader(
            in,
            options.idle().toMillis(),
            Math.max(1, options.quiet().toMillis()),
            printer.config().personality() == PrinterConfig.Personality.EVOLIS);
    this.out = out;
    this.options = options;
    this.connection = connection;
  }

  @Override
  public void run() {
    try {
      serve();
    } catch (IOException e) {
      log.debug("{}: connection ended", printer.name(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Serves until the stream ends; returns normally then. */
  public void serve() throws IOException, InterruptedException {
    while (true) {
      Request request = reader.read();
      if (request == null) {
        return;
      }
      Reply reply = printer.execute(request);
      switch (reply.delivery()) {
        case NORMAL -> write(reply.text().getBytes(StandardCharsets.US_ASCII));
        case NONE -> {}
        case GARBLED -> write(garble(reply.text()));
        case LATE -> {
          Thread.sleep(options.lateReply().toMillis());
          write(reply.text().getBytes(StandardCharsets.US_ASCII));
          printer.lateReplySent();
        }
        case DISCONNECT -> {
          log.info("{}: port disappears", printer.name());
          connection.drop();
          return;
        }
      }
    }
  }

  private void write(byte[] text) throws IOException {
    byte[] line = java.util.Arrays.copyOf(text, text.length + 1);
    line[text.length] = RequestReader.CR;
    out.write(line);
    out.flush();
  }

  /** High bit set on every byte: still one CR-ended line, never a valid ASCII reply. */
  static byte[] garble(String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (b[i] | 0x80);
    }
    return b;
  }
}
