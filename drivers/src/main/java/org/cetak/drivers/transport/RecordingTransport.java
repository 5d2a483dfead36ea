package org.cetak.drivers.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;

/**
 * Records every exchange as a readable, replayable text transcript ({@link ReplayTransport} reads
 * it back). One line per event:
 *
 * <pre>
 * # comment
 * &gt; request       (rendered by {@link WireText}: panel data only as length and SHA-256)
 * &lt; reply         (the reply without its terminator)
 * ! timeout | disconnected | closed | too-long
 * </pre>
 *
 * Closing the transport closes the writer.
 */
public final class RecordingTransport implements Transport {

  private final Transport delegate;
  private final Writer transcript;

  public RecordingTransport(Transport delegate, Writer transcript) {
    this.delegate = delegate;
    this.transcript = transcript;
    write("# Cetak printer wire transcript: " + delegate.name());
  }

  @Override
  public byte[] transceive(byte[] request, Duration timeout) {
    write("> " + WireText.render(request));
    try {
      byte[] reply = delegate.transceive(request, timeout);
      write("< " + WireText.render(reply));
      return reply;
    } catch (TransportTimeoutException e) {
      write("! timeout");
      throw e;
    } catch (TransportDisconnectedException e) {
      write("! disconnected");
      throw e;
    } catch (TransportClosedException e) {
      write("! closed");
      throw e;
    } catch (ReplyTooLongException e) {
      write("! too-long");
      throw e;
    }
  }

  private void write(String line) {
    try {
      transcript.write(line);
      transcript.write('\n');
      transcript.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write transcript of " + delegate.name(), e);
    }
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public void close() {
    try {
      transcript.close();
    } catch (IOException e) {
      // the device matters more than the tail of a transcript
    } finally {
      delegate.close();
    }
  }
}
