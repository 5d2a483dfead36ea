package org.cetak.sim.printer;

import java.io.IOException;

/** The receive side of a printer port, with a read timeout (serial ports have one too). */
@FunctionalInterface
public interface ByteSource {

  /**
   * Reads at least one byte, waiting at most {@code timeoutMillis} (0 = for ever).
   *
   * @return the number of bytes read, 0 on timeout, -1 at the end of the stream
   */
  int read(byte[] b, int off, int len, long timeoutMillis) throws IOException;
}
