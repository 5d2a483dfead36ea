package org.cetak.report.job;

import org.cetak.report.DailyReportArchive;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every night, the daily stock report of each office for the day that ended (and any day missed).
 * Quartz's clustered store fires it on one node; a day already kept is not produced again.
 */
@DisallowConcurrentExecution
public class DailyReportJob implements Job {

  private final DailyReportArchive archive;

  public DailyReportJob(DailyReportArchive archive) {
    this.archive = archive;
  }

  @Override
  public void execute(JobExecutionContext context) {
    archive.produceEndedDays();
  }
}
