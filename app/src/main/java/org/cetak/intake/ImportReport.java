package org.cetak.intake;

import java.util.List;
import java.util.Map;

/**
 * The outcome of importing one file: applied whole, or refused whole with every bad row.
 *
 * @param errors the bad rows, in file order, at most {@link ImportService#MAX_REPORTED_ERRORS}
 * @param errorCount all bad rows found (may exceed the list)
 * @param flagged records kept but flagged for checking, per flag
 */
public record ImportReport(
    String source,
    boolean applied,
    long importId,
    long rowsRead,
    ImportCounts counts,
    Map<RecordFlag, Long> flagged,
    List<RowError> errors,
    long errorCount) {

  public ImportReport {
    flagged = Map.copyOf(flagged);
    errors = List.copyOf(errors);
  }
}
