package org.cetak.drivers.transport.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * A serial port's byte streams over jSerialComm's own calls, so that every way a vanished device
 * shows itself is seen: {@code bytesAvailable} below zero, {@code readBytes} below zero, {@code
 * writeBytes} writing less than asked. A read that waits its timeout out with nothing is an {@link
 * InterruptedIOException}: not a failure.
 */
final class PortStreams {

  private PortStreams() {}

  static InputStream input(SerialPort port, String path) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        int available = port.bytesAvailable();
        if (available < 0) {
          throw new IOException(path + ": port gone (bytes available " + available + ")");
        }
        int n = port.readBytes(b, len, off);
        if (n < 0) {
          throw new IOException(path + ": port gone (read " + n + ")");
        }
        if (n == 0) {
          throw new InterruptedIOException(path + ": nothing within the read timeout");
        }
        return n;
      }
    };
  }

  static OutputStream output(SerialPort port, String path) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        int written = 0;
        while (written < len) {
          int n = port.writeBytes(b, len - written, off + written);
          if (n <= 0) {
            throw new IOException(
                path + ": port gone after " + written + " of " + len + " bytes (write " + n + ")");
          }
          written += n;
        }
      }
    };
  }
}
