package org.cetak.pickup.job;

import org.cetak.pickup.PersonalDataErasure;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Erases the personal data of requests handed over longer ago than the configured period. */
@DisallowConcurrentExecution
public class PersonalDataErasureJob implements Job {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataErasureJob.class);

  private final PersonalDataErasure erasure;

  public PersonalDataErasureJob(PersonalDataErasure erasure) {
    this.erasure = erasure;
  }

  @Override
  public void execute(JobExecutionContext context) {
    try {
      erasure.eraseDue("scheduler");
    } catch (RuntimeException e) {
      log.warn("Personal data erasure failed; the next run tries again", e);
    }
  }
}
