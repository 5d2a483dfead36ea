package org.cetak.printing.config;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.smartcardio.TerminalFactory;
import org.cetak.approval.Approvals;
import org.cetak.common.OfficeZones;
import org.cetak.common.Transactions;
import org.cetak.drivers.chip.pcsc.PcscReaders;
import org.cetak.intake.UpstreamRegistry;
import org.cetak.notify.Notices;
import org.cetak.notify.Outbox;
import org.cetak.notify.jooq.JooqOutbox;
import org.cetak.office.Audit;
import org.cetak.office.OfficeDirectory;
import org.cetak.printing.CardPreparer;
import org.cetak.printing.CardSupply;
import org.cetak.printing.FeederHands;
import org.cetak.printing.PayloadFetchingQueue;
import org.cetak.printing.PayloadWaits;
import org.cetak.printing.PreparingCardSupply;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrintQueue;
import org.cetak.printing.PrintRoomLedger;
import org.cetak.printing.PrinterBoard;
import org.cetak.printing.PrinterControl;
import org.cetak.printing.PrinterOwnership;
import org.cetak.printing.PrinterStations;
import org.cetak.printing.Reprints;
import org.cetak.printing.Settlements;
import org.cetak.printing.StepRecorder;
import org.cetak.printing.device.PrinterSnapshot;
import org.cetak.printing.face.CardFaceRenderer;
import org.cetak.printing.jooq.JooqPayloadWaits;
import org.cetak.printing.jooq.JooqPrintJobs;
import org.cetak.printing.jooq.JooqPrintQueue;
import org.cetak.printing.jooq.JooqPrinterBoard;
import org.cetak.printing.jooq.JooqReprintStore;
import org.cetak.quality.CheckQueue;
import org.cetak.region.RegionTable;
import org.cetak.request.RequestLifecycle;
import org.cetak.stock.FeederCapacity;
import org.cetak.stock.FeederStock;
import org.cetak.stock.Ledger;
import org.cetak.stock.Losses;
import org.cetak.stock.Printers;
import org.cetak.stock.SpoilRecords;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
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
  Outbox outbox(DSLContext db, Clock clock, Notices notices) {
    return new JooqOutbox(db, clock, notices);
  }

  @Bean
  PrintJobs printJobs(DSLContext db, Clock clock, StationProperties properties) {
    return new JooqPrintJobs(db, clock, properties.node());
  }

  /**
   * The print queue; payloads deleted after a print are fetched again upstream, outside a
   * transaction.
   */
  @Bean
  PrintQueue printQueue(
      DSLContext db,
      Transactions transactions,
      ObjectProvider<UpstreamRegistry> upstream,
      RequestLifecycle requests,
      PayloadWaits waits,
      Clock clock) {
    return new PayloadFetchingQueue(
        new JooqPrintQueue(db, transactions),
        Optional.ofNullable(upstream.getIfAvailable()),
        requests,
        waits,
        clock);
  }

  @Bean
  PayloadWaits payloadWaits(DSLContext db) {
    return new JooqPayloadWaits(db);
  }

  @Bean
  PrintRoomLedger printRoomLedger(Ledger ledger, Printers printers) {
    return new PrintRoomLedger(ledger, printers);
  }

  @Bean
  StepRecorder stepRecorder(
      PrintJobs jobs,
      PrintRoomLedger ledger,
      RequestLifecycle requests,
      Outbox outbox,
      CheckQueue checks,
      Reprints.Store grants,
      Transactions transactions,
      Audit audit,
      Clock clock) {
    return new StepRecorder(
        jobs, ledger, requests, outbox, checks, grants, transactions, audit, clock);
  }

  @Bean
  Settlements settlements(
      PrintJobs jobs, StepRecorder steps, Losses losses, Transactions transactions, Audit audit) {
    return new Settlements(jobs, steps, losses, transactions, audit);
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
  Reprints reprints(
      Reprints.Store store,
      ObjectProvider<Approvals> approvals,
      SpoilRecords spoils,
      Transactions transactions) {
    return new Reprints(store, approvals::getObject, spoils, transactions);
  }

  @Bean
  PrinterBoard printerBoard(DSLContext db, Clock clock) {
    return new JooqPrinterBoard(db, clock);
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

  /**
   * The PC/SC readers of this machine, found also when pcscd starts or restarts after the server
   * (not the JDK's default factory, chosen once per JVM); the demo replaces them with simulated
   * ones.
   */
  @Bean
  @ConditionalOnMissingBean
  TerminalFactory terminalFactory() {
    return PcscReaders.ofThisMachine();
  }

  /** The operators' actions on printers, waking this node's stations when it runs them. */
  @Bean
  PrinterControl printerControl(
      PrinterBoard board,
      PrintJobs jobs,
      Settlements settlements,
      ObjectProvider<StationRuntime> runtime,
      PrintRoomLedger movements,
      Ledger ledger,
      FeederStock feeders,
      FeederHands hands,
      Audit audit,
      OfficeZones zones,
      Clock clock) {
    PrinterStations stations =
        new PrinterStations() {
          private PrinterStations here() {
            StationRuntime running = runtime.getIfAvailable();
            return running == null ? PrinterStations.none() : running;
          }

          @Override
          public void wakeUp(long printerId) {
            here().wakeUp(printerId);
          }

          @Override
          public boolean drives(long printerId) {
            return here().drives(printerId);
          }

          @Override
          public Optional<PrinterSnapshot> lastStatus(long printerId) {
            return here().lastStatus(printerId);
          }

          @Override
          public Optional<org.cetak.printing.device.ReaderStatus> readerStatus(long printerId) {
            return here().readerStatus(printerId);
          }
        };
    return new PrinterControl(
        board, jobs, settlements, stations, movements, ledger, feeders, hands, audit, zones, clock);
  }

  /** The printers of this node, from the device file and the station settings. */
  @Bean
  StationDevices stationDevices(StationProperties properties) {
    return new StationDevices(properties, StationDevices.machinePorts());
  }

  /** An administrator's reload of the device file, audited. */
  @Bean
  DeviceFileReloads deviceFileReloads(
      StationDevices devices, Audit audit, StationProperties properties) {
    return new DeviceFileReloads(devices, audit, properties.node());
  }

  /** A printer's feeder capacity as its model in the device file states it, for the load check. */
  @Bean
  FeederCapacity.Declared deviceFileFeeders(StationDevices devices, OfficeDirectory offices) {
    return printer ->
        offices
            .office(printer.officeId())
            .map(office -> devices.feederCapacity(office.code(), printer.code()))
            .orElse(OptionalInt.empty());
  }

  @Bean
  @ConditionalOnProperty(name = "cetak.station.enabled", havingValue = "true")
  StationRuntime stationRuntime(
      StationProperties properties,
      StationDevices devices,
      List<PrinterLinks> links,
      TerminalFactory readers,
      PrintJobs jobs,
      StepRecorder steps,
      CardSupply supply,
      PrinterOwnership ownership,
      OfficeDirectory offices,
      Printers printers,
      Clock clock,
      ObjectProvider<StationRuntime.StoppingHook> hooks) {
    return new StationRuntime(
        properties,
        devices,
        links,
        readers,
        jobs,
        steps,
        supply,
        ownership,
        offices,
        printers,
        clock,
        hooks.orderedStream().toList());
  }
}
