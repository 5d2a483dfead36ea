package org.cetak.report;

import java.time.Clock;
import java.time.LocalDate;
import org.cetak.common.OfficeZones;
import org.cetak.common.Transactions;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.stock.DailyReports;
import org.cetak.stock.DailyStockReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces and keeps the daily stock report of every office for every day that has ended, so the
 * month's reports exist even when nobody asked for them. A day missed while no node ran is caught
 * up on the next run (at most {@link #CATCH_UP_DAYS} back); a day already kept is left as issued.
 */
public final class DailyReportArchive {

  private static final Logger log = LoggerFactory.getLogger(DailyReportArchive.class);

  /** How many ended days a run looks back at most. */
  static final int CATCH_UP_DAYS = 31;

  private final DailyReports reports;
  private final StoredDailyReports stored;
  private final OfficeDirectory offices;
  private final Transactions transactions;
  private final Clock clock;
  private final StockDocuments documents;
  private final OfficeZones zones;

  /**
   * @param documents the documents as printed: a kept report is an official document and stays as
   *     it was produced
   */
  public DailyReportArchive(
      DailyReports reports,
      StoredDailyReports stored,
      OfficeDirectory offices,
      Transactions transactions,
      Clock clock,
      StockDocuments documents,
      OfficeZones zones) {
    this.documents = documents;
    this.zones = zones;
    this.reports = reports;
    this.stored = stored;
    this.offices = offices;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Keeps every office's report of each ended day not kept yet: from the day after its last kept
   * report (yesterday when it has none) to yesterday, each office's days in its own time zone.
   *
   * @return how many reports were produced
   */
  public int produceEndedDays() {
    int produced = 0;
    for (Office office : offices.offices()) {
      LocalDate yesterday = LocalDate.now(clock.withZone(zones.of(office.id()))).minusDays(1);
      LocalDate earliest = yesterday.minusDays(CATCH_UP_DAYS - 1);
      LocalDate from = stored.lastDay(office.id()).map(last -> last.plusDays(1)).orElse(yesterday);
      if (from.isBefore(earliest)) {
        from = earliest;
      }
      for (LocalDate day = from; !day.isAfter(yesterday); day = day.plusDays(1)) {
        if (keep(office, day)) {
          produced++;
        }
      }
    }
    return produced;
  }

  private boolean keep(Office office, LocalDate day) {
    return transactions.inTransaction(
        () -> {
          DailyStockReport report = reports.report(office.id(), day);
          boolean kept = stored.keep(report, documents.daily(office, report), "scheduler");
          if (kept) {
            log.info("Daily stock report of {} for {} kept", office.code(), day);
          }
          return kept;
        });
  }
}
