package org.cetak.drivers.transport;

import java.time.Duration;

/**
 * A request/reply link to one printer: the only thing the printer driver knows about the wire.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li><b>Framing.</b> {@link #transceive} writes the request bytes exactly as given (the caller
 *       frames requests) and returns the next reply without its terminator. A reply ends at CR
 *       (0x0D) or NUL (0x00) (PROTOCOL.md part A); empty replies (for example the NUL after a CR)
 *       are skipped.
 *   <li><b>Blocking.</b> {@code transceive} blocks the calling thread until the reply arrives, the
 *       timeout passes, the link fails or the transport is closed. Writing the request is not
 *       covered by the timeout: it blocks until the bytes are handed to the link (adapters bound it
 *       with their own write timeout where the link has one).
 *   <li><b>Threading.</b> One exchange at a time: concurrent callers are serialised. {@link #close}
 *       may be called from any thread, also while another thread waits in {@code transceive}.
 *   <li><b>Timeout.</b> When no reply arrives in time, {@link TransportTimeoutException} is thrown
 *       and the request is <em>not</em> re-sent. A reply that arrives later is late: it is
 *       discarded (and logged) before the next request is written, never handed to the next caller
 *       as its own.
 *   <li><b>Failure.</b> When the link breaks (peer gone, cable unplugged) {@link
 *       TransportDisconnectedException} is thrown; adapters that can reconnect (serial) try once on
 *       the next call.
 *   <li><b>Close.</b> {@code close} is idempotent and releases the link; a waiting {@code
 *       transceive} and every later one throw {@link TransportClosedException}.
 * </ul>
 *
 * Logging, recording and capture are decorators around this interface ({@link LoggingTransport},
 * {@link RecordingTransport}, {@link CapturingTransport}); tests replay recorded transcripts with
 * {@link ReplayTransport}.
 */
public interface Transport extends AutoCloseable {

  /**
   * Sends one request and returns its reply, without the terminator.
   *
   * @throws TransportTimeoutException no reply within {@code timeout}
   * @throws TransportDisconnectedException the link broke
   * @throws TransportClosedException the transport was closed
   * @throws ReplyTooLongException the peer sent more than a reply can hold without a terminator
   */
  byte[] transceive(byte[] request, Duration timeout);

  /** A short name for logs and errors, e.g. the port path or host:port. */
  String name();

  /** Releases the link; idempotent; never throws. */
  @Override
  void close();
}
