package org.cetak.pickup.config;

import java.time.Clock;
import java.time.Duration;
import org.cetak.common.Transactions;
import org.cetak.consolidation.ConsolidationService;
import org.cetak.office.Access;
import org.cetak.office.Audit;
import org.cetak.pickup.PersonalDataErasure;
import org.cetak.pickup.PickupService;
import org.cetak.pickup.job.PersonalDataErasureJob;
import org.cetak.pickup.jooq.JooqPickupStore;
import org.cetak.platform.RecurringJobs;
import org.cetak.printing.Reprints;
import org.cetak.request.RequestLifecycle;
import org.cetak.request.jooq.JooqPersonalDataStore;
import org.cetak.stock.SpoilRecords;
import org.jooq.DSLContext;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the counter's handover to the request queue, the stock ledger and the status push, and the
 * erasure of personal data {@code cetak.pickup.erase-after} after a handover to Quartz.
 */
@Configuration(proxyBeanMethods = false)
public class PickupConfiguration {

  @Bean
  PickupService pickupService(
      DSLContext db,
      Clock clock,
      RequestLifecycle requests,
      SpoilRecords spoils,
      Reprints reprints,
      ConsolidationService consolidation,
      Access access,
      Audit audit,
      Transactions transactions,
      @Value("${cetak.pickup.fingerprint-reader:false}") boolean fingerprintReader) {
    return new PickupService(
        new JooqPickupStore(db, clock),
        requests,
        spoils,
        reprints,
        consolidation,
        access,
        audit,
        transactions,
        fingerprintReader);
  }

  @Bean
  PersonalDataErasure personalDataErasure(
      DSLContext db,
      Audit audit,
      Transactions transactions,
      Clock clock,
      @Value("${cetak.pickup.erase-after:P30D}") Duration keepFor) {
    return new PersonalDataErasure(
        new JooqPersonalDataStore(db), audit, transactions, clock, keepFor);
  }

  @Bean
  JobDetail personalDataErasureJob() {
    return RecurringJobs.job(
        PersonalDataErasureJob.class,
        "personal-data-erasure",
        "Erase personal data of requests handed over long enough ago");
  }

  @Bean
  Trigger personalDataErasureTrigger(
      @Qualifier("personalDataErasureJob") JobDetail job,
      @Value("${cetak.pickup.erase-every:PT1H}") Duration every) {
    return RecurringJobs.every(job, every);
  }
}
