package org.cetak.drivers.transport;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into replies: a reply ends at CR or NUL; empty replies are dropped; a reply
 * longer than the limit is reported once and its bytes are dropped up to the next terminator.
 *
 * <p>Not thread-safe: one framer per reading thread.
 */
public final class ReplyFramer {

  /** What the framer found: a reply, or an over-long run of bytes. */
  public sealed interface Frame permits Reply, Overflow {}

  /** One reply without its terminator. */
  // A reply's bytes handed to the parser once, never compared or printed.
  @SuppressWarnings("ArrayRecordComponent")
  public record Reply(byte[] bytes) implements Frame {}

  /** More than {@code limit} bytes came without a terminator. */
  public record Overflow(int limit) implements Frame {}

  private final int limit;
  private final Consumer<Frame> sink;
  private final ByteArrayOutputStream current = new ByteArrayOutputStream();
  private boolean overflowing;

  public ReplyFramer(int limit, Consumer<Frame> sink) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    this.limit = limit;
    this.sink = sink;
  }

  /** Feeds {@code length} bytes from {@code buffer} at {@code offset}. */
  public void feed(byte[] buffer, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      byte b = buffer[i];
      if (b == 0x0D || b == 0x00) {
        if (!overflowing && current.size() > 0) {
          sink.accept(new Reply(current.toByteArray()));
        }
        current.reset();
        overflowing = false;
      } else if (!overflowing) {
        if (current.size() == limit) {
          overflowing = true;
          current.reset();
          sink.accept(new Overflow(limit));
        } else {
          current.write(b);
        }
      }
    }
  }
}
