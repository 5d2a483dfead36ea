package org.cetak.allocation.job;

import org.cetak.allocation.AllocationService;
import org.cetak.allocation.RunTrigger;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled allocation run: every office in turn. Quartz's clustered store fires it on one
 * node; the office's queue lock keeps it apart from on-demand and after-drop runs.
 */
@DisallowConcurrentExecution
public class AllocationJob implements Job {

  private static final Logger log = LoggerFactory.getLogger(AllocationJob.class);

  private final AllocationService allocation;
  private final OfficeDirectory offices;

  public AllocationJob(AllocationService allocation, OfficeDirectory offices) {
    this.allocation = allocation;
    this.offices = offices;
  }

  @Override
  public void execute(JobExecutionContext context) {
    for (Office office : offices.offices()) {
      try {
        allocation.run(office.id(), RunTrigger.SCHEDULE, "scheduler");
      } catch (RuntimeException e) {
        log.warn("Scheduled allocation for office {} failed", office.code(), e);
      }
    }
  }
}
