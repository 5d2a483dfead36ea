package org.cetak.report.job;

import java.util.TimeZone;
import org.cetak.report.DailyReportArchive;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every hour at five past, the daily stock report of each office whose day has ended since (and any
 * day missed), so each office has its report at 00:05 of its own zone: WIB, WITA and WIT are whole
 * hours from UTC. Quartz's clustered store fires it on one node; a day already kept is not produced
 * again.
 */
@DisallowConcurrentExecution
public class DailyReportJob implements Job {

  /** Five past every hour (Quartz cron, UTC). */
  public static final String EVERY_HOUR = "0 5 * * * ?";

  private final DailyReportArchive archive;

  public DailyReportJob(DailyReportArchive archive) {
    this.archive = archive;
  }

  /** When the job runs: {@code cron} read in UTC; a run missed while no node ran fires at once. */
  public static CronScheduleBuilder schedule(String cron) {
    return CronScheduleBuilder.cronSchedule(cron)
        .inTimeZone(TimeZone.getTimeZone("UTC"))
        .withMisfireHandlingInstructionFireAndProceed();
  }

  @Override
  public void execute(JobExecutionContext context) {
    archive.produceEndedDays();
  }
}
