package org.cetak.intake;

import java.util.List;
import java.util.Optional;

/**
 * Records read one at a time from a file, never the whole file in memory. A structural fault (a
 * broken quote, invalid UTF-8, an over-long line) ends the read with {@link
 * MalformedFileException}; a row that is readable but wrong (column count) is reported through
 * {@link #rowErrors()}.
 */
public interface RecordSource extends AutoCloseable {

  /** Problems of the header (missing, unknown or repeated columns); empty when it is fine. */
  List<RowError> headerErrors();

  /** The next record, or empty at the end of the file. */
  Optional<RawRecord> next();

  /** Errors of the row last returned as empty-handed (column count); drained by the caller. */
  List<RowError> rowErrors();

  /** Bytes of the file consumed so far, for a progress bar. */
  long bytesRead();

  @Override
  void close();

  /** The file cannot be read on from {@code line}: nothing of it may be imported. */
  final class MalformedFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RowError error;

    public MalformedFileException(RowError error) {
      super(error.toString());
      this.error = error;
    }

    public RowError error() {
      return error;
    }
  }
}
