package org.cetak.drivers.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Transport} over a pair of {@code java.io} streams: the in-memory adapter, and the core
 * of the TCP and serial adapters.
 *
 * <p>A daemon thread reads the input stream and cuts it into replies ({@link ReplyFramer}); {@link
 * #transceive} discards replies that arrived late, writes the request and waits for the next reply.
 * End of stream or a read error while open means the link broke: the waiting and every later
 * exchange throw {@link TransportDisconnectedException}. Reads that time out ({@link
 * InterruptedIOException}, as TCP sockets and jSerialComm do with a read timeout) are not failures.
 */
public final class StreamTransport implements Transport {

  /** The longest reply accepted; the longest real one (the status line) is under 200 bytes. */
  public static final int MAX_REPLY = 4096;

  private static final Logger log = LoggerFactory.getLogger(StreamTransport.class);

  private sealed interface Event permits Received, Ended {}

  private record Received(ReplyFramer.Frame frame) implements Event {}

  private record Ended(TransportException failure) implements Event {}

  private final String name;
  private final InputStream in;
  private final OutputStream out;
  private final Closeable resource;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final ReentrantLock exchange = new ReentrantLock();
  private final Thread reader;
  private volatile boolean closed;
  private volatile TransportException broken;

  private StreamTransport(String name, InputStream in, OutputStream out, Closeable resource) {
    this.name = name;
    this.in = in;
    this.out = out;
    this.resource = resource;
    this.reader = new Thread(this::readLoop, "transport-reader-" + name);
    this.reader.setDaemon(true);
    this.reader.start();
  }

  /**
   * An in-memory transport: requests go to {@code toDevice}, replies come from {@code fromDevice}.
   * Closing it closes both streams.
   */
  public static StreamTransport over(String name, InputStream fromDevice, OutputStream toDevice) {
    return new StreamTransport(
        name,
        fromDevice,
        toDevice,
        () -> {
          try (fromDevice;
              toDevice) {
            // closes both, the second even when the first fails
          }
        });
  }

  /** A transport whose streams belong to {@code resource} (a socket, a serial port). */
  public static StreamTransport over(
      String name, InputStream fromDevice, OutputStream toDevice, Closeable resource) {
    return new StreamTransport(name, fromDevice, toDevice, resource);
  }

  @Override
  public String name() {
    return name;
  }

  /** True until closed or broken. */
  public boolean usable() {
    return !closed && broken == null;
  }

  @Override
  public byte[] transceive(byte[] request, Duration timeout) {
    exchange.lock();
    try {
      failIfUnusable();
      discardLateReplies();
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        throw failure(new TransportDisconnectedException(name, "write failed", e));
      }
      Event event;
      try {
        event = events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TransportException(name, "interrupted while waiting for a reply", e);
      }
      if (event == null) {
        throw new TransportTimeoutException(name, timeout, WireText.render(request));
      }
      return replyOf(event);
    } finally {
      exchange.unlock();
    }
  }

  private byte[] replyOf(Event event) {
    if (event instanceof Ended ended) {
      events.add(ended); // keep it for whoever comes next
      throw ended.failure();
    }
    ReplyFramer.Frame frame = ((Received) event).frame();
    if (frame instanceof ReplyFramer.Overflow overflow) {
      throw new ReplyTooLongException(name, overflow.limit());
    }
    return ((ReplyFramer.Reply) frame).bytes();
  }

  /** Replies that came while no request waited; the next request discards them. */
  int unclaimedReplies() {
    return events.size();
  }

  private void discardLateReplies() {
    Event event;
    while ((event = events.poll()) != null) {
      if (event instanceof Ended ended) {
        events.add(ended);
        throw ended.failure();
      }
      ReplyFramer.Frame frame = ((Received) event).frame();
      if (frame instanceof ReplyFramer.Reply reply) {
        log.warn("{}: discarding late reply {}", name, WireText.render(reply.bytes()));
      } else {
        log.warn("{}: discarding late over-long reply", name);
      }
    }
  }

  private void failIfUnusable() {
    if (closed) {
      throw new TransportClosedException(name);
    }
    TransportException failure = broken;
    if (failure != null) {
      throw failure;
    }
  }

  private TransportException failure(TransportException e) {
    if (closed) {
      return new TransportClosedException(name);
    }
    broken = e;
    return e;
  }

  private void readLoop() {
    ReplyFramer framer = new ReplyFramer(MAX_REPLY, frame -> events.add(new Received(frame)));
    byte[] buffer = new byte[1024];
    TransportException end;
    while (true) {
      int n;
      try {
        n = in.read(buffer);
      } catch (InterruptedIOException e) {
        if (closed) {
          end = new TransportClosedException(name);
          break;
        }
        continue; // a read timeout: nothing arrived yet
      } catch (IOException | RuntimeException e) {
        end =
            closed
                ? new TransportClosedException(name)
                : new TransportDisconnectedException(name, "read failed: " + e, e);
        break;
      }
      if (n < 0) {
        end =
            closed
                ? new TransportClosedException(name)
                : new TransportDisconnectedException(name, "the device closed the link", null);
        break;
      }
      framer.feed(buffer, 0, n);
    }
    if (!closed && broken == null) {
      broken = end;
      log.warn("{}: link lost", name, end);
    }
    events.add(new Ended(end));
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    events.add(new Ended(new TransportClosedException(name)));
    try {
      resource.close();
    } catch (IOException | RuntimeException e) {
      log.debug("{}: error while closing", name, e);
    }
    reader.interrupt(); // unblocks reads that ignore close (piped streams)
  }
}
