package org.cetak.printing.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.smartcardio.TerminalFactory;
import org.cetak.drivers.chip.pcsc.PcscChipEncoder;
import org.cetak.drivers.printer.CardPrinterDriver;
import org.cetak.drivers.printer.PrinterTimings;
import org.cetak.drivers.transport.Transport;
import org.cetak.office.OfficeDirectory;
import org.cetak.printing.CardSupply;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrintStation;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.PrinterOwnership;
import org.cetak.printing.PrinterRef;
import org.cetak.printing.StationWorker;
import org.cetak.printing.StepRecorder;
import org.cetak.printing.device.driver.DriverCardPrinter;
import org.cetak.printing.device.driver.EncoderChipStation;
import org.cetak.stock.Printers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts one worker per printer this node owns, keeps the printers' leases, and stops the workers
 * (leaving every job persisted where it is) when the application stops.
 */
public final class StationRuntime implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StationRuntime.class);

  private final StationProperties properties;
  private final List<PrinterLinks> links;
  private final TerminalFactory readers;
  private final PrintJobs jobs;
  private final StepRecorder steps;
  private final CardSupply supply;
  private final PrinterOwnership ownership;
  private final OfficeDirectory offices;
  private final Printers printers;
  private final java.time.Clock clock;
  private final Map<Long, StationWorker> workers = new ConcurrentHashMap<>();
  private final List<PrinterRef> owned = new ArrayList<>();
  private ScheduledExecutorService leases;
  private ScheduledFuture<?> tending;
  private volatile boolean running;

  public StationRuntime(
      StationProperties properties,
      List<PrinterLinks> links,
      TerminalFactory readers,
      PrintJobs jobs,
      StepRecorder steps,
      CardSupply supply,
      PrinterOwnership ownership,
      OfficeDirectory offices,
      Printers printers,
      java.time.Clock clock) {
    this.clock = clock;
    this.properties = properties;
    this.links = links;
    this.readers = readers;
    this.jobs = jobs;
    this.steps = steps;
    this.supply = supply;
    this.ownership = ownership;
    this.offices = offices;
    this.printers = printers;
  }

  @Override
  public synchronized void start() {
    leases = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "printer-leases"));
    long every = Math.max(1, properties.lease().toMillis() / 3);
    tending = leases.scheduleWithFixedDelay(this::tend, 0, every, TimeUnit.MILLISECONDS);
    running = true;
  }

  /**
   * Renews the leases of the printers this node drives and starts the workers of configured
   * printers not running yet (registered later, or freed by a node whose lease ran out).
   */
  private synchronized void tend() {
    renewLeases();
    for (StationProperties.PrinterLink link : properties.printers()) {
      try {
        startIfMissing(link);
      } catch (RuntimeException e) {
        log.warn("Printer {} not started: {}", link.code(), e.getMessage());
      }
    }
  }

  private void startIfMissing(StationProperties.PrinterLink link) {
    Optional<Long> officeId = offices.officeByCode(link.office()).map(o -> o.id());
    if (officeId.isEmpty()) {
      return;
    }
    Optional<org.cetak.stock.Printer> registered = printers.find(officeId.get(), link.code());
    if (registered.isEmpty() || workers.containsKey(registered.get().id())) {
      return;
    }
    long printerId = registered.get().id();
    PrinterRef printer = new PrinterRef(printerId, officeId.get(), link.code());
    if (!ownership.claim(printerId, properties.node(), properties.lease())) {
      return; // another node drives it
    }
    supply.release(printer);
    StationWorker worker =
        new StationWorker(
            new PrintStation(
                printer,
                new DriverCardPrinter(
                    CardPrinterDriver.over(
                        open(link.link()),
                        PrinterTimings.field().scaled(properties.timeScale()),
                        link.printerDialect(),
                        Optional.empty())),
                new EncoderChipStation(
                    new PcscChipEncoder(readers, Pattern.compile(link.reader())),
                    properties.chipWait()),
                jobs,
                steps,
                supply,
                properties.dutyCycle(registered.get().model(), clock)),
            properties.idleWait(),
            properties.haltedWait());
    if (!owned.contains(printer)) {
      owned.add(printer);
    }
    workers.put(printerId, worker);
    worker.start();
    log.info("Node {} drives printer {} over {}", properties.node(), link.code(), link.link());
  }

  private Transport open(String link) {
    for (PrinterLinks opener : links) {
      Optional<Transport> transport = opener.open(link);
      if (transport.isPresent()) {
        return transport.get();
      }
    }
    throw new IllegalStateException("No way to open printer link " + link);
  }

  private void renewLeases() {
    for (PrinterRef printer : List.copyOf(owned)) {
      try {
        if (!ownership.claim(printer.id(), properties.node(), properties.lease())) {
          log.error("Lost the lease of printer {}; stopping its worker", printer.code());
          StationWorker worker = workers.remove(printer.id());
          if (worker != null) {
            worker.stop();
          }
          owned.remove(printer);
        }
      } catch (RuntimeException e) {
        log.warn("Renewing the lease of printer {} failed: {}", printer.code(), e.toString());
      }
    }
  }

  /** Wakes a printer's worker: an operator resumed it, or cards were reserved. */
  public void wakeUp(long printerId) {
    StationWorker worker = workers.get(printerId);
    if (worker != null) {
      worker.wakeUp();
    }
  }

  public boolean drives(long printerId) {
    return workers.containsKey(printerId);
  }

  /** The last status read from a printer this node drives. */
  public Optional<org.cetak.printing.device.PrinterSnapshot> lastStatus(long printerId) {
    StationWorker worker = workers.get(printerId);
    return worker == null ? Optional.empty() : worker.station().lastStatus();
  }

  public void setMode(long printerId, PrinterMode mode, String reason) {
    jobs.setState(printerId, mode, reason);
    wakeUp(printerId);
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (leases != null) {
      tending.cancel(false);
      leases.shutdownNow();
    }
    workers.values().forEach(StationWorker::stop);
    workers.clear();
    for (PrinterRef printer : owned) {
      try {
        ownership.release(printer.id(), properties.node());
      } catch (RuntimeException e) {
        log.warn("Releasing printer {} failed: {}", printer.code(), e.toString());
      }
    }
    owned.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100; // after the web server and the scheduler are up
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
