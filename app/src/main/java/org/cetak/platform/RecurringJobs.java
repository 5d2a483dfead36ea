package org.cetak.platform;

import java.time.Duration;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/** Cetak's scheduled work in Quartz: durable jobs of the {@code cetak} group and their triggers. */
public final class RecurringJobs {

  private static final String GROUP = "cetak";

  private RecurringJobs() {}

  /** A durable job named {@code name}, with what it does as its description. */
  public static JobDetail job(Class<? extends Job> type, String name, String description) {
    return JobBuilder.newJob(type)
        .withIdentity(name, GROUP)
        .withDescription(description)
        .storeDurably()
        .build();
  }

  /**
   * Fires the job every {@code every}, for ever. Runs missed while no node was up are not made up:
   * the next run comes at its usual time.
   */
  public static Trigger every(JobDetail job, Duration every) {
    return TriggerBuilder.newTrigger()
        .forJob(job)
        .withIdentity(job.getKey().getName(), GROUP)
        .withSchedule(
            SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(every.toMillis())
                .repeatForever()
                .withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
  }
}
