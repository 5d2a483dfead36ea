package org.cetak.drivers.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The print stream capture: writes every byte sent to the device, unchanged and in order, to an
 * output stream (usually a file), so that a print job can be inspected with other tools. Replies
 * are not captured. Closing the transport closes the capture stream.
 */
public final class CapturingTransport implements Transport {

  private final Transport delegate;
  private final OutputStream capture;

  public CapturingTransport(Transport delegate, OutputStream capture) {
    this.delegate = delegate;
    this.capture = capture;
  }

  @Override
  public byte[] transceive(byte[] request, Duration timeout) {
    try {
      capture.write(request);
      capture.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("print stream capture failed for " + delegate.name(), e);
    }
    return delegate.transceive(request, timeout);
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public void close() {
    try {
      capture.close();
    } catch (IOException e) {
      // the capture is a debugging aid: losing its tail must not keep the device open
    } finally {
      delegate.close();
    }
  }
}
