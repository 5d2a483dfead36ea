package org.cetak.allocation.job;

import org.cetak.allocation.QueueHistory;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Counts every office's queue by tier for the chart of the queue over time. Quartz's clustered
 * store fires it on one node.
 */
@DisallowConcurrentExecution
public class QueueHistoryJob implements Job {

  private final QueueHistory history;

  public QueueHistoryJob(QueueHistory history) {
    this.history = history;
  }

  @Override
  public void execute(JobExecutionContext context) {
    history.takeAll();
  }
}
