package org.cetak.intake.jooq;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows in PostgreSQL's binary COPY format, buffered: values go as they are (no escaping, no
 * hex for bytes), and a large value (a photo) is handed to the connection without being copied into
 * the buffer.
 */
final class CopyWriter {

  private static final int FLUSH_AT = 256 * 1024;
  private static final int DIRECT_AT = 4 * 1024;
  private static final byte[] HEADER = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
  };

  /** 2000-01-01, PostgreSQL's epoch, in days and seconds from 1970-01-01. */
  private static final long EPOCH_DAY = 10_957;

  private static final long EPOCH_SECOND = EPOCH_DAY * 86_400;

  private final CopyIn copy;
  private final short columns;
  private byte[] buffer = new byte[FLUSH_AT + 16 * 1024];
  private int length;
  private boolean rowStarted;

  CopyWriter(CopyIn copy, int columns) throws SQLException {
    this.copy = copy;
    this.columns = (short) columns;
    copy.writeToCopy(HEADER, 0, HEADER.length);
  }

  CopyWriter text(String value) {
    return value == null ? nul() : bytes(value.getBytes(StandardCharsets.UTF_8));
  }

  CopyWriter int8(long value) {
    field(8);
    putLong(value);
    return this;
  }

  CopyWriter int4(int value) {
    field(4);
    putInt(value);
    return this;
  }

  CopyWriter bool(boolean value) {
    field(1);
    buffer[length++] = (byte) (value ? 1 : 0);
    return this;
  }

  CopyWriter date(LocalDate value) {
    if (value == null) {
      return nul();
    }
    field(4);
    putInt((int) (value.toEpochDay() - EPOCH_DAY));
    return this;
  }

  CopyWriter time(OffsetDateTime value) {
    if (value == null) {
      return nul();
    }
    field(8);
    putLong((value.toEpochSecond() - EPOCH_SECOND) * 1_000_000L + value.getNano() / 1_000);
    return this;
  }

  CopyWriter bytes(byte[] value) {
    if (value == null) {
      return nul();
    }
    field(value.length);
    if (value.length >= DIRECT_AT) {
      try {
        flush();
        copy.writeToCopy(value, 0, value.length);
      } catch (SQLException e) {
        throw new CopyFailed(e);
      }
    } else {
      System.arraycopy(value, 0, buffer, length, value.length);
      length += value.length;
    }
    return this;
  }

  void endRow() throws SQLException {
    rowStarted = false;
    if (length >= FLUSH_AT) {
      flush();
    }
  }

  void flush() throws SQLException {
    if (length > 0) {
      copy.writeToCopy(buffer, 0, length);
      length = 0;
    }
  }

  long finish() throws SQLException {
    room(2);
    putShort((short) -1);
    flush();
    return copy.endCopy();
  }

  void cancel() {
    try {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    } catch (SQLException e) {
      // the transaction is rolled back by the caller; the copy goes with it
    }
  }

  private CopyWriter nul() {
    start(0);
    putInt(-1);
    return this;
  }

  /** Starts a field of {@code size} bytes, with room for it unless it goes directly. */
  private void field(int size) {
    start(Math.min(size, DIRECT_AT));
    putInt(size);
  }

  /** Room for a field's length and {@code bytes} more; a row begins with its field count. */
  private void start(int bytes) {
    room(2 + 4 + bytes);
    if (!rowStarted) {
      putShort(columns);
      rowStarted = true;
    }
  }

  private void room(int bytes) {
    if (length + bytes > buffer.length) {
      byte[] larger = new byte[Math.max(buffer.length * 2, length + bytes)];
      System.arraycopy(buffer, 0, larger, 0, length);
      buffer = larger;
    }
  }

  private void putShort(short v) {
    buffer[length++] = (byte) (v >>> 8);
    buffer[length++] = (byte) v;
  }

  private void putInt(int v) {
    buffer[length++] = (byte) (v >>> 24);
    buffer[length++] = (byte) (v >>> 16);
    buffer[length++] = (byte) (v >>> 8);
    buffer[length++] = (byte) v;
  }

  private void putLong(long v) {
    putInt((int) (v >>> 32));
    putInt((int) v);
  }

  /** A write to the connection failed in the middle of a row. */
  static final class CopyFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CopyFailed(SQLException cause) {
      super("Cannot stream import rows into the database", cause);
    }
  }
}
