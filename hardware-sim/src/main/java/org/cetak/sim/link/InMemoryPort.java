package org.cetak.sim.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The host's side of an in-memory connection to a simulated printer: write requests to {@link
 * #output()}, read replies from {@link #input()}. Plain {@code java.io} streams, so a driver's
 * stream transport talks to the simulator in-process.
 *
 * <p>When the port disappears (a {@code DISCONNECT} fault or {@link #close()}), reads return -1 and
 * writes throw {@link IOException}. Reads block until a byte arrives (use {@link
 * InputStream#available()} or a reader thread for timeouts); a blocked read throws {@link
 * java.io.InterruptedIOException} when its thread is interrupted.
 */
public final class InMemoryPort implements AutoCloseable {

  private final BytePipe requests;
  private final BytePipe replies;
  private final OutputStream output;
  private final InputStream input;

  InMemoryPort(BytePipe requests, BytePipe replies) {
    this.requests = requests;
    this.replies = replies;
    this.output = new PipeOutput(requests);
    this.input = new PipeInput(replies);
  }

  /** The stream the host writes requests to. */
  public OutputStream output() {
    return output;
  }

  /** The stream the host reads replies from. */
  public InputStream input() {
    return input;
  }

  /** Whether the port is still there. */
  public boolean isOpen() {
    return !requests.isBroken() && !replies.isBroken();
  }

  /** Unplugs the cable: the printer's session ends, both streams end. */
  @Override
  public void close() {
    requests.close();
    replies.breakPipe();
  }

  private static final class PipeOutput extends OutputStream {
    private final BytePipe pipe;

    PipeOutput(BytePipe pipe) {
      this.pipe = pipe;
    }

    @Override
    public void write(int b) throws IOException {
      pipe.write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      pipe.write(b, off, len);
    }

    @Override
    public void close() {
      pipe.close();
    }
  }

  private static final class PipeInput extends InputStream {
    private final BytePipe pipe;

    PipeInput(BytePipe pipe) {
      this.pipe = pipe;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = pipe.read(one, 0, 1, 0);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      return pipe.read(b, off, len, 0);
    }

    @Override
    public int available() {
      return pipe.available();
    }

    @Override
    public void close() {
      pipe.breakPipe();
    }
  }
}
