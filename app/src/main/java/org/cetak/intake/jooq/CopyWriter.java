package org.cetak.intake.jooq;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.postgresql.copy.CopyIn;

/** Writes rows in PostgreSQL's COPY text format, buffered. */
final class CopyWriter {

  private static final int FLUSH_AT = 256 * 1024;
  private static final HexFormat HEX = HexFormat.of();

  private final CopyIn copy;
  private final StringBuilder row = new StringBuilder(FLUSH_AT + 16 * 1024);
  private boolean first = true;

  CopyWriter(CopyIn copy) {
    this.copy = copy;
  }

  CopyWriter text(String value) {
    separator();
    if (value == null) {
      row.append("\\N");
      return this;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> row.append("\\\\");
        case '\t' -> row.append("\\t");
        case '\n' -> row.append("\\n");
        case '\r' -> row.append("\\r");
        default -> row.append(c);
      }
    }
    return this;
  }

  CopyWriter number(long value) {
    separator();
    row.append(value);
    return this;
  }

  CopyWriter bool(boolean value) {
    separator();
    row.append(value ? 't' : 'f');
    return this;
  }

  CopyWriter date(LocalDate value) {
    return value == null ? text(null) : text(value.toString());
  }

  CopyWriter time(OffsetDateTime value) {
    return value == null ? text(null) : text(value.toString());
  }

  CopyWriter bytes(byte[] value) {
    if (value == null) {
      return text(null);
    }
    separator();
    row.append("\\\\x").append(HEX.formatHex(value));
    return this;
  }

  void endRow() throws SQLException {
    row.append('\n');
    first = true;
    if (row.length() >= FLUSH_AT) {
      flush();
    }
  }

  void flush() throws SQLException {
    if (row.length() > 0) {
      byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      row.setLength(0);
    }
  }

  long finish() throws SQLException {
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

  private void separator() {
    if (!first) {
      row.append('\t');
    }
    first = false;
  }
}
