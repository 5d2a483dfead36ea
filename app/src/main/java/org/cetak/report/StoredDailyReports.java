package org.cetak.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cetak.stock.DailyStockReport;

/** Where issued daily stock reports are kept: one per office and day, never changed. */
public interface StoredDailyReports {

  /** Keeps the report unless one for that office and day is already kept; true when it was new. */
  boolean keep(DailyStockReport report, byte[] pdf, String producedBy);

  /** The last day with a kept report for the office. */
  Optional<LocalDate> lastDay(long officeId);

  /** The office's kept reports in [{@code from}, {@code until}], oldest first. */
  List<StoredDailyReport> between(long officeId, LocalDate from, LocalDate until);

  Optional<byte[]> pdf(long officeId, LocalDate day);
}
