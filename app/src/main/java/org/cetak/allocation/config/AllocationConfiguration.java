package org.cetak.allocation.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.AllocationStore;
import org.cetak.allocation.BlankSupply;
import org.cetak.allocation.DropHistory;
import org.cetak.allocation.ForecastSettings;
import org.cetak.allocation.PolicyService;
import org.cetak.allocation.PolicyStore;
import org.cetak.allocation.PrinterCapacity;
import org.cetak.allocation.QueueDesk;
import org.cetak.allocation.QueueHistory;
import org.cetak.allocation.RunTrigger;
import org.cetak.allocation.job.AllocationJob;
import org.cetak.allocation.job.QueueHistoryJob;
import org.cetak.allocation.jooq.JooqAllocationStore;
import org.cetak.allocation.jooq.JooqPolicyStore;
import org.cetak.allocation.jooq.JooqQueueHistory;
import org.cetak.allocation.jooq.JooqQueueLookup;
import org.cetak.common.OfficeZones;
import org.cetak.common.Transactions;
import org.cetak.intake.ImportListener;
import org.cetak.office.Access;
import org.cetak.office.Audit;
import org.cetak.office.OfficeDirectory;
import org.cetak.platform.RecurringJobs;
import org.cetak.request.jooq.Reservations;
import org.cetak.stock.DropListener;
import org.cetak.stock.Drops;
import org.cetak.stock.ReservedBlanks;
import org.cetak.stock.StockLevels;
import org.jooq.DSLContext;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wires allocation to the stock ledger (available blanks, drops, the reserved count it needs), to
 * intake (a run after each import) and to Quartz (a run every {@code cetak.allocation.every}).
 */
@Configuration(proxyBeanMethods = false)
public class AllocationConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AllocationConfiguration.class);

  @Bean
  PolicyStore policyStore(DSLContext db, Clock clock) {
    return new JooqPolicyStore(db, clock);
  }

  @Bean
  PolicyService policyService(PolicyStore store, Transactions transactions, Audit audit) {
    return new PolicyService(store, transactions, audit);
  }

  @Bean
  AllocationStore allocationStore(DSLContext db, Clock clock, Reservations requests) {
    return new JooqAllocationStore(db, clock, requests);
  }

  @Bean
  AllocationService allocationService(
      AllocationStore store,
      PolicyService policies,
      ObjectProvider<StockLevels> stock,
      ObjectProvider<Drops> drops,
      @Value("${cetak.allocation.printer-cards-per-day:200}") int cardsPerDay,
      @Value("${cetak.allocation.expected-drop-quantity:1000}") long dropQuantity,
      @Value("${cetak.allocation.expected-drop-every-days:14}") int dropEveryDays,
      Transactions transactions,
      Audit audit,
      OfficeZones zones,
      Clock clock) {
    // looked up when used: the stock beans ask allocation for the reserved count in turn
    BlankSupply supply =
        officeId -> {
          StockLevels levels = stock.getIfAvailable();
          return levels == null ? 0 : levels.available(officeId);
        };
    // a drop is on the day it came in at its office
    DropHistory history =
        (officeId, zone) ->
            Optional.ofNullable(drops.getIfAvailable())
                .map(d -> d.list(officeId))
                .orElse(List.of())
                .stream()
                .filter(d -> !d.reversed())
                .map(
                    d ->
                        new DropHistory.Drop(
                            d.receivedAt().atZone(zone).toLocalDate(), d.quantity()))
                .sorted(java.util.Comparator.comparing(DropHistory.Drop::receivedOn))
                .toList();
    PrinterCapacity capacity = officeId -> cardsPerDay;
    return new AllocationService(
        store,
        policies,
        supply,
        history,
        capacity,
        new ForecastSettings(dropQuantity, dropEveryDays),
        transactions,
        audit,
        zones,
        clock);
  }

  /** The queue page's search, history and why-not-yet. */
  @Bean
  QueueDesk queueDesk(DSLContext db, AllocationService allocation, Access access, Audit audit) {
    return new QueueDesk(new JooqQueueLookup(db), allocation, access, audit);
  }

  /** The stock ledger's usable stock subtracts what allocation holds. */
  @Bean
  ReservedBlanks reservedBlanks(ObjectProvider<AllocationService> allocation) {
    return officeId -> allocation.getObject().reserved(officeId);
  }

  /** A drop is allocated as soon as it is committed (a failed run never undoes the drop). */
  @Bean
  DropListener allocateAfterDrop(ObjectProvider<AllocationService> allocation) {
    return (officeId, dropId, quantity) -> {
      Runnable run =
          () -> {
            try {
              allocation.getObject().run(officeId, RunTrigger.DROP_RECEIVED, "drop " + dropId);
            } catch (RuntimeException e) {
              log.warn(
                  "Allocation after drop {} of office {} failed; the next scheduled run retries",
                  dropId,
                  officeId,
                  e);
            }
          };
      if (TransactionSynchronizationManager.isSynchronizationActive()) {
        TransactionSynchronizationManager.registerSynchronization(
            new TransactionSynchronization() {
              @Override
              public void afterCommit() {
                run.run();
              }
            });
      } else {
        run.run();
      }
    };
  }

  @Bean
  ImportListener allocateAfterImport(ObjectProvider<AllocationService> allocation) {
    return (officeId, counts) -> {
      if (!counts.noChange()) {
        allocation.getObject().run(officeId, RunTrigger.IMPORT, "import");
      }
    };
  }

  @Bean
  JobDetail allocationJob() {
    return RecurringJobs.job(
        AllocationJob.class,
        "allocation",
        "Reserve blanks for the queue by priority, every office");
  }

  @Bean
  Trigger allocationTrigger(
      JobDetail allocationJob, @Value("${cetak.allocation.every:PT5M}") Duration every) {
    return RecurringJobs.every(allocationJob, every);
  }

  @Bean
  QueueHistory queueHistory(
      AllocationService allocation, OfficeDirectory offices, DSLContext db, Clock clock) {
    return new QueueHistory(allocation, offices, new JooqQueueHistory(db), clock);
  }

  @Bean
  JobDetail queueHistoryJob() {
    return RecurringJobs.job(
        QueueHistoryJob.class,
        "queue-history",
        "Count every office's queue by tier for the chart of the queue over time");
  }

  @Bean
  Trigger queueHistoryTrigger(
      JobDetail queueHistoryJob,
      @Value("${cetak.allocation.queue-history-every:PT1H}") Duration every) {
    return RecurringJobs.every(queueHistoryJob, every);
  }
}
