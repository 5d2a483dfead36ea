package org.cetak.sim.printer;

import java.io.IOException;
import java.security.MessageDigest;

/**
 * The bytes a printer port has received and not read yet, over its {@link ByteSource}: read one at
 * a time or by length, each read waiting at most its timeout. Not thread-safe: one per connection.
 */
final class ReceivedBytes {

  /** What a read returns when nothing came within its timeout. */
  static final int TIMEOUT = -2;

  private final ByteSource source;
  private final byte[] buf = new byte[1 << 18];
  private int pos;
  private int lim;

  ReceivedBytes(ByteSource source) {
    this.source = source;
  }

  /** The next byte, taken: -1 at the end, {@link #TIMEOUT} when none came in time. */
  int next(long timeout) throws IOException {
    int c = peek(timeout);
    if (c >= 0) {
      pos++;
    }
    return c;
  }

  /** The next byte, left to read: -1 at the end, {@link #TIMEOUT} when none came in time. */
  int peek(long timeout) throws IOException {
    if (pos == lim) {
      int r = fill(timeout);
      if (r <= 0) {
        return r;
      }
    }
    return buf[pos] & 0xFF;
  }

  /** Takes the byte {@link #peek} returned. */
  void skip() {
    pos++;
  }

  /**
   * Reads {@code count} bytes into {@code into}: {@code count}, or -1 at the end, or {@link
   * #TIMEOUT} when a pause of {@code timeout} came first.
   */
  int read(byte[] into, int count, long timeout) throws IOException {
    int got = 0;
    while (got < count) {
      int r = buffered(timeout);
      if (r < 0) {
        return r;
      }
      int n = Math.min(count - got, r);
      System.arraycopy(buf, pos, into, got, n);
      pos += n;
      got += n;
    }
    return count;
  }

  /** Reads {@code count} bytes into {@code sha} without keeping them; returns as {@link #read}. */
  int digest(MessageDigest sha, int count, long timeout) throws IOException {
    int left = count;
    while (left > 0) {
      int r = buffered(timeout);
      if (r < 0) {
        return r;
      }
      int n = Math.min(left, r);
      sha.update(buf, pos, n);
      pos += n;
      left -= n;
    }
    return count;
  }

  /** Drops input until the line has been quiet for {@code quiet}. */
  void dropUntilQuiet(long quiet) throws IOException {
    pos = lim;
    while (fill(quiet) > 0) {
      pos = lim;
    }
  }

  /** Bytes buffered now, refilled when there are none: as {@link #fill} when it refills. */
  private int buffered(long timeout) throws IOException {
    return pos < lim ? lim - pos : fill(timeout);
  }

  /** Refills an empty buffer: returns bytes read, -1 at end, {@link #TIMEOUT} on timeout. */
  private int fill(long timeout) throws IOException {
    pos = 0;
    lim = 0;
    int r = source.read(buf, 0, buf.length, timeout);
    if (r == 0) {
      return TIMEOUT;
    }
    if (r < 0) {
      return -1;
    }
    lim = r;
    return r;
  }
}
