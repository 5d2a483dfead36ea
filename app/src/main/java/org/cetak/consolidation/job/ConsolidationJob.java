package org.cetak.consolidation.job;

import org.cetak.consolidation.ConsolidationService;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the status outbox to the centre. Quartz's clustered store fires it on one node at a time;
 * the pushes' leases keep a "push now" on another node apart from it.
 */
@DisallowConcurrentExecution
public class ConsolidationJob implements Job {

  private static final Logger log = LoggerFactory.getLogger(ConsolidationJob.class);

  private final ConsolidationService consolidation;

  public ConsolidationJob(ConsolidationService consolidation) {
    this.consolidation = consolidation;
  }

  @Override
  public void execute(JobExecutionContext context) {
    try {
      ConsolidationService.PushRun run = consolidation.pushDue("scheduler");
      if (run.sent() > 0 || run.stuck() > 0) {
        log.info("Status pushes: {} sent, {} stuck", run.sent(), run.stuck());
      }
    } catch (RuntimeException e) {
      log.warn("Status push run failed; the next run tries again", e);
    }
  }
}
