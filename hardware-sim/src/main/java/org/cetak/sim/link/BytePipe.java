package org.cetak.sim.link;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A one-way in-memory byte channel with a ring buffer: bulk copies, blocking writes when full,
 * reads with a timeout. {@link #close()} is the writer's end (the reader drains, then sees the
 * end); {@link #breakPipe()} drops it at once both ways (a vanished port).
 */
final class BytePipe {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  private final byte[] ring;
  private int head;
  private int count;
  private boolean closed;
  private boolean broken;

  BytePipe(int capacity) {
    this.ring = new byte[capacity];
  }

  void write(byte[] b, int off, int len) throws IOException {
    lock.lock();
    try {
      while (len > 0) {
        while (count == ring.length && !closed && !broken) {
          try {
            notFull.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting on the port");
          }
        }
        if (closed || broken) {
          throw new IOException("port closed");
        }
        int tail = (head + count) % ring.length;
        int n = Math.min(len, Math.min(ring.length - count, ring.length - tail));
        System.arraycopy(b, off, ring, tail, n);
        count += n;
        off += n;
        len -= n;
        notEmpty.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Reads at least one byte: count, 0 on timeout (timeoutMillis > 0), -1 at the end. */
  int read(byte[] b, int off, int len, long timeoutMillis) throws IOException {
    if (len == 0) {
      return 0;
    }
    lock.lock();
    try {
      long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (count == 0) {
        if (closed || broken) {
          return -1;
        }
        try {
          if (timeoutMillis <= 0) {
            notEmpty.await();
          } else {
            if (nanos <= 0) {
              return 0;
            }
            nanos = notEmpty.awaitNanos(nanos);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while reading the port");
        }
      }
      if (broken) {
        return -1;
      }
      int n = Math.min(len, Math.min(count, ring.length - head));
      System.arraycopy(ring, head, b, off, n);
      head = (head + n) % ring.length;
      count -= n;
      notFull.signalAll();
      return n;
    } finally {
      lock.unlock();
    }
  }

  int available() {
    lock.lock();
    try {
      return broken ? 0 : count;
    } finally {
      lock.unlock();
    }
  }

  /** The writer is done: the reader drains what is left and then sees the end. */
  void close() {
    lock.lock();
    try {
      closed = true;
      notEmpty.signalAll();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The channel vanishes: reads end at once, writes fail. */
  void breakPipe() {
    lock.lock();
    try {
      broken = true;
      count = 0;
      notEmpty.signalAll();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }

  boolean isBroken() {
    lock.lock();
    try {
      return broken || closed;
    } finally {
      lock.unlock();
    }
  }
}
