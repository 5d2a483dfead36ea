package org.cetak.consolidation.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.cetak.common.Backoff;
import org.cetak.common.Transactions;
import org.cetak.consolidation.ConsolidationQueue;
import org.cetak.consolidation.ConsolidationService;
import org.cetak.consolidation.job.ConsolidationJob;
import org.cetak.consolidation.jooq.JooqConsolidationQueue;
import org.cetak.intake.UpstreamRegistry;
import org.cetak.office.Access;
import org.cetak.office.Audit;
import org.cetak.platform.RecurringJobs;
import org.jooq.DSLContext;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the status push to the upstream registry (when {@code cetak.upstream.url} is set) and to
 * Quartz: a run every {@code cetak.consolidation.every}.
 */
@Configuration(proxyBeanMethods = false)
public class ConsolidationConfiguration {

  @Bean
  ConsolidationQueue consolidationQueue(DSLContext db) {
    return new JooqConsolidationQueue(db);
  }

  @Bean
  ConsolidationService consolidationService(
      ConsolidationQueue queue,
      ObjectProvider<UpstreamRegistry> registry,
      Access access,
      Audit audit,
      Transactions transactions,
      Clock clock,
      @Value("${cetak.consolidation.backoff-first:PT1M}") Duration first,
      @Value("${cetak.consolidation.backoff-max:PT30M}") Duration max,
      @Value("${cetak.consolidation.lease:PT5M}") Duration lease) {
    return new ConsolidationService(
        queue,
        Optional.ofNullable(registry.getIfAvailable()),
        access,
        audit,
        transactions,
        clock,
        new Backoff(first, max),
        lease);
  }

  @Bean
  JobDetail consolidationJob() {
    return RecurringJobs.job(
        ConsolidationJob.class,
        "consolidation",
        "Push printed and handed-over statuses to the centre");
  }

  @Bean
  Trigger consolidationTrigger(
      @Qualifier("consolidationJob") JobDetail job,
      @Value("${cetak.consolidation.every:PT1M}") Duration every) {
    return RecurringJobs.every(job, every);
  }
}
