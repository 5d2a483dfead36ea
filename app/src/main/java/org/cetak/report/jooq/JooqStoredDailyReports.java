package org.cetak.report.jooq;

import static org.cetak.db.jooq.Tables.DAILY_STOCK_REPORT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.cetak.report.StoredDailyReport;
import org.cetak.report.StoredDailyReports;
import org.cetak.stock.DailyStockReport;
import org.jooq.DSLContext;

/** Issued daily stock reports in PostgreSQL; the table refuses UPDATE and DELETE. */
public final class JooqStoredDailyReports implements StoredDailyReports {

  private final DSLContext db;
  private final Clock clock;

  public JooqStoredDailyReports(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public boolean keep(DailyStockReport r, byte[] pdf, String producedBy) {
    return db.insertInto(DAILY_STOCK_REPORT)
            .set(DAILY_STOCK_REPORT.OFFICE_ID, r.officeId())
            .set(DAILY_STOCK_REPORT.REPORT_DATE, r.day())
            .set(DAILY_STOCK_REPORT.OPENING, r.opening())
            .set(DAILY_STOCK_REPORT.RECEIVED, r.received())
            .set(DAILY_STOCK_REPORT.PRINTED, r.printed())
            .set(DAILY_STOCK_REPORT.SPOILED, r.spoiled())
            .set(DAILY_STOCK_REPORT.LOST, r.lost())
            .set(DAILY_STOCK_REPORT.CLOSING, r.closing())
            .set(DAILY_STOCK_REPORT.USABLE, r.usable())
            .set(DAILY_STOCK_REPORT.PDF, pdf)
            .set(DAILY_STOCK_REPORT.PRODUCED_AT, OffsetDateTime.now(clock))
            .set(DAILY_STOCK_REPORT.PRODUCED_BY, producedBy)
            .onConflictDoNothing()
            .execute()
        == 1;
  }

  @Override
  public Optional<LocalDate> lastDay(long officeId) {
    return db.select(org.jooq.impl.DSL.max(DAILY_STOCK_REPORT.REPORT_DATE))
        .from(DAILY_STOCK_REPORT)
        .where(DAILY_STOCK_REPORT.OFFICE_ID.eq(officeId))
        .fetchOptional(0, LocalDate.class);
  }

  @Override
  public List<StoredDailyReport> between(long officeId, LocalDate from, LocalDate until) {
    return db.select(
            DAILY_STOCK_REPORT.OFFICE_ID,
            DAILY_STOCK_REPORT.REPORT_DATE,
            DAILY_STOCK_REPORT.OPENING,
            DAILY_STOCK_REPORT.RECEIVED,
            DAILY_STOCK_REPORT.PRINTED,
            DAILY_STOCK_REPORT.SPOILED,
            DAILY_STOCK_REPORT.LOST,
            DAILY_STOCK_REPORT.CLOSING,
            DAILY_STOCK_REPORT.USABLE,
            DAILY_STOCK_REPORT.PRODUCED_AT,
            DAILY_STOCK_REPORT.PRODUCED_BY)
        .from(DAILY_STOCK_REPORT)
        .where(DAILY_STOCK_REPORT.OFFICE_ID.eq(officeId))
        .and(DAILY_STOCK_REPORT.REPORT_DATE.between(from, until))
        .orderBy(DAILY_STOCK_REPORT.REPORT_DATE)
        .fetch(
            r ->
                new StoredDailyReport(
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4(),
                    r.value5(),
                    r.value6(),
                    r.value7(),
                    r.value8(),
                    r.value9(),
                    r.value10().toInstant(),
                    r.value11()));
  }

  @Override
  public Optional<byte[]> pdf(long officeId, LocalDate day) {
    return db.select(DAILY_STOCK_REPORT.PDF)
        .from(DAILY_STOCK_REPORT)
        .where(DAILY_STOCK_REPORT.OFFICE_ID.eq(officeId))
        .and(DAILY_STOCK_REPORT.REPORT_DATE.eq(day))
        .fetchOptional(DAILY_STOCK_REPORT.PDF);
  }
}
