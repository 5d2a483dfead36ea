package org.cetak.drivers.transport;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transport that opens its link again after it broke: the failing exchange throws {@link
 * TransportDisconnectedException} as usual; the next {@link #transceive} opens a fresh link (a
 * re-plugged serial adapter, a restarted printer server) and, if that fails, throws {@link
 * TransportDisconnectedException} again. It never re-sends a request by itself.
 */
public final class ReopeningTransport implements Transport {

  /** Opens one link; throws {@link TransportDisconnectedException} when the device is absent. */
  @FunctionalInterface
  public interface Opener {
    StreamTransport open();
  }

  private static final Logger log = LoggerFactory.getLogger(ReopeningTransport.class);

  private final String name;
  private final Opener opener;
  private StreamTransport current;
  private boolean closed;

  /** Opens the first link now, so that a missing device is reported at once. */
  public ReopeningTransport(String name, Opener opener) {
    this.name = name;
    this.opener = opener;
    this.current = opener.open();
  }

  @Override
  public byte[] transceive(byte[] request, Duration timeout) {
    return link().transceive(request, timeout);
  }

  private synchronized StreamTransport link() {
    if (closed) {
      throw new TransportClosedException(name);
    }
    if (current == null || !current.usable()) {
      if (current != null) {
        current.close();
        current = null;
      }
      log.info("{}: opening the link again", name);
      current = opener.open();
    }
    return current;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void close() {
    StreamTransport link;
    synchronized (this) {
      closed = true;
      link = current;
      current = null;
    }
    if (link != null) {
      link.close();
    }
  }
}
