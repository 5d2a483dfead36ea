package org.cetak.report.config;

import java.time.Clock;
import java.util.Locale;
import org.cetak.common.OfficeZones;
import org.cetak.common.Transactions;
import org.cetak.console.Labels;
import org.cetak.office.OfficeDirectory;
import org.cetak.region.RegionTable;
import org.cetak.report.DailyReportArchive;
import org.cetak.report.StockDocuments;
import org.cetak.report.StoredDailyReports;
import org.cetak.report.job.DailyReportJob;
import org.cetak.report.jooq.JooqStoredDailyReports;
import org.cetak.stock.DailyReports;
import org.cetak.stock.PrinterRegistry;
import org.jooq.DSLContext;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the kept daily stock reports and the hourly job that produces each office's at its
 * midnight.
 */
@Configuration(proxyBeanMethods = false)
public class ReportConfiguration {

  @Bean
  StoredDailyReports storedDailyReports(DSLContext db, Clock clock) {
    return new JooqStoredDailyReports(db, clock);
  }

  /** The stock's documents, in Bahasa Indonesia whatever the reader's language. */
  @Bean
  StockDocuments stockDocuments(
      OfficeDirectory offices,
      PrinterRegistry printers,
      RegionTable regions,
      Labels labels,
      OfficeZones zones,
      Clock clock) {
    Locale indonesian = Locale.forLanguageTag("id");
    return new StockDocuments(
        offices,
        printers,
        regions,
        (kind, code) -> labels.of(kind, code, indonesian),
        zones,
        clock);
  }

  @Bean
  DailyReportArchive dailyReportArchive(
      DailyReports reports,
      StoredDailyReports stored,
      OfficeDirectory offices,
      Transactions transactions,
      Clock clock,
      StockDocuments documents,
      OfficeZones zones) {
    return new DailyReportArchive(reports, stored, offices, transactions, clock, documents, zones);
  }

  @Bean
  JobDetail dailyReportJob() {
    return JobBuilder.newJob(DailyReportJob.class)
        .withIdentity("daily-stock-report", "cetak")
        .withDescription("Produce and keep the daily stock report of every office")
        .storeDurably()
        .build();
  }

  @Bean
  Trigger dailyReportTrigger(
      JobDetail dailyReportJob, @Value("${cetak.report.check-at:0 5 * * * ?}") String cron) {
    return TriggerBuilder.newTrigger()
        .forJob(dailyReportJob)
        .withIdentity("daily-stock-report", "cetak")
        .withSchedule(DailyReportJob.schedule(cron))
        .build();
  }
}
