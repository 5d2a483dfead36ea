package org.cetak.printing.config;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.smartcardio.TerminalFactory;
import org.cetak.allocation.PrintQueue;
import org.cetak.approval.Approvals;
import org.cetak.common.Transactions;
import org.cetak.notify.Outbox;
import org.cetak.notify.jooq.JooqOutbox;
import org.cetak.office.Audit;
import org.cetak.office.OfficeDirectory;
import org.cetak.printing.CardPreparer;
import org.cetak.printing.CardSupply;
import org.cetak.printing.FeederHands;
import org.cetak.printing.PreparingCardSupply;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrintRoomLedger;
import org.cetak.printing.PrinterBoard;
import org.cetak.printing.PrinterOwnership;
import org.cetak.printing.Reprints;
import org.cetak.printing.Settlements;
import org.cetak.printing.StepRecorder;
import org.cetak.printing.face.CardFaceRenderer;
import org.cetak.printing.jooq.JooqPrintJobs;
import org.cetak.printing.jooq.JooqPrinterBoard;
import org.cetak.printing.jooq.JooqPrinterOwnership;
import org.cetak.printing.jooq.JooqReprintStore;
import org.cetak.region.RegionTable;
import org.cetak.stock.Ledger;
import org.cetak.stock.Printers;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the print station: jobs, the preparation pipeline, devices and one worker per printer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StationProperties.class)
public class StationConfiguration {

  @Bean
  Outbox outbox(
      DSLContext db, Clock clock, @Value("${cetak.office-hours:08.00-15.00 WIB}") String hours) {
    return new JooqOutbox(db, clock, hours);
  }

  @Bean
  PrintJobs printJobs(DSLContext db, Clock clock, StationProperties properties) {
    return new JooqPrintJobs(db, clock, properties.node());
  }

  @Bean
  PrintRoomLedger printRoomLedger(Ledger ledger, Printers printers) {
    return new PrintRoomLedger(ledger, printers);
  }

  @Bean
  StepRecorder stepRecorder(
      PrintJobs jobs,
      PrintRoomLedger ledger,
      PrintQueue queue,
      Outbox outbox,
      Reprints.Store grants,
      Transactions transactions,
      Clock clock) {
    return new StepRecorder(jobs, ledger, queue, outbox, grants, transactions, clock);
  }

  @Bean
  PrinterOwnership printerOwnership(DSLContext db, Clock clock) {
    return new JooqPrinterOwnership(db, clock);
  }

  @Bean
  Settlements settlements(PrintJobs jobs, StepRecorder steps, Audit audit) {
    return new Settlements(jobs, steps, audit);
  }

  @Bean
  CardFaceRenderer cardFaceRenderer() {
    return new CardFaceRenderer();
  }

  @Bean
  CardPreparer cardPreparer(CardFaceRenderer renderer, RegionTable regions, Clock clock) {
    return new CardPreparer(renderer, regions, clock);
  }

  @Bean(destroyMethod = "shutdownNow")
  ExecutorService cardPreparation(StationProperties properties) {
    return Executors.newFixedThreadPool(
        properties.preparationThreads(),
        r -> {
          Thread thread = new Thread(r, "card-preparation");
          thread.setDaemon(true);
          return thread;
        });
  }

  @Bean
  CardSupply cardSupply(
      PrintQueue queue,
      CardPreparer preparer,
      Transactions transactions,
      ExecutorService cardPreparation,
      Reprints.Store reprints) {
    return new PreparingCardSupply(queue, preparer, transactions, cardPreparation, reprints);
  }

  @Bean
  Reprints.Store reprintStore(DSLContext db, Clock clock) {
    return new JooqReprintStore(db, clock);
  }

  @Bean
  Reprints reprints(Reprints.Store store, ObjectProvider<Approvals> approvals) {
    return new Reprints(store, approvals::getObject);
  }

  @Bean
  PrinterBoard printerBoard(DSLContext db) {
    return new JooqPrinterBoard(db);
  }

  /** In an office the operator loads the blanks by hand; the demo replaces this. */
  @Bean
  @ConditionalOnMissingBean
  FeederHands feederHands() {
    return FeederHands.operator();
  }

  @Bean
  PrinterLinks devicePrinterLinks() {
    return PrinterLinks.devices();
  }

  /** The PC/SC readers of this machine; the demo replaces them with simulated ones. */
  @Bean
  @ConditionalOnMissingBean
  TerminalFactory terminalFactory() {
    return TerminalFactory.getDefault();
  }

  @Bean
  @ConditionalOnProperty(name = "cetak.station.enabled", havingValue = "true")
  StationRuntime stationRuntime(
      StationProperties properties,
      List<PrinterLinks> links,
      TerminalFactory readers,
      PrintJobs jobs,
      StepRecorder steps,
      CardSupply supply,
      PrinterOwnership ownership,
      OfficeDirectory offices,
      Printers printers,
      Clock clock) {
    return new StationRuntime(
        properties, links, readers, jobs, steps, supply, ownership, offices, printers, clock);
  }
}
