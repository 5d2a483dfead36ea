package org.cetak.notify.job;

import org.cetak.notify.Dispatcher;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends residents' notices every {@code cetak.sms.every}. Quartz's clustered store fires it on one
 * node at a time; the dispatcher's row locks keep even overlapping runs from sending a notice
 * twice.
 */
@DisallowConcurrentExecution
public class SmsDispatchJob implements Job {

  private static final Logger log = LoggerFactory.getLogger(SmsDispatchJob.class);

  private final Dispatcher dispatcher;

  public SmsDispatchJob(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public void execute(JobExecutionContext context) {
    try {
      Dispatcher.Run run = dispatcher.dispatch();
      if (run.sent() + run.retried() + run.failed() + run.inDoubt() + run.settled() > 0) {
        log.info("SMS via {}: {}", dispatcher.gatewayName(), run);
      }
    } catch (RuntimeException e) {
      log.warn("SMS dispatch failed; the next run tries again", e);
    }
  }
}
