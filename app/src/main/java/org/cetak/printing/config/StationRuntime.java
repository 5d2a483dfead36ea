package org.cetak.printing.config;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.smartcardio.TerminalFactory;
import org.cetak.drivers.chip.pcsc.PcscChipEncoder;
import org.cetak.drivers.printer.CardPrinterDriver;
import org.cetak.drivers.transport.Transport;
import org.cetak.office.OfficeDirectory;
import org.cetak.printing.CardSupply;
import org.cetak.printing.HaltCause;
import org.cetak.printing.PickCounterCheck;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrintStation;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.PrinterOwnership;
import org.cetak.printing.PrinterRef;
import org.cetak.printing.PrinterStations;
import org.cetak.printing.StationWorker;
import org.cetak.printing.StepRecorder;
import org.cetak.printing.device.CardPrinter;
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
public final class StationRuntime implements SmartLifecycle, PrinterStations {

  private static final Logger log = LoggerFactory.getLogger(StationRuntime.class);

  private final StationProperties properties;
  private final StationDevices devices;
  private final List<PrinterLinks> links;
  private final TerminalFactory readers;
  private final PrintJobs jobs;
  private final StepRecorder steps;
  private final CardSupply supply;
  private final PrinterOwnership ownership;
  private final OfficeDirectory offices;
  private final Printers printers;
  private final java.time.Clock clock;
  private final List<StoppingHook> hooks;
  private final Map<Long, StationWorker> workers = new ConcurrentHashMap<>();
  private final Map<Long, StationDevices.Device> drivenAs = new ConcurrentHashMap<>();
  private final Map<Long, CardPrinter> opened = new ConcurrentHashMap<>();

  /** A station that ends on an error this often within {@link #FAILURE_WINDOW} is quarantined. */
  static final int FAILURES_TO_QUARANTINE = 3;

  static final Duration FAILURE_WINDOW = Duration.ofMinutes(10);

  /** When each printer's station last ended on an error, within {@link #FAILURE_WINDOW}. */
  private final Map<Long, Deque<Instant>> failures = new ConcurrentHashMap<>();

  /** Printers quarantined because their station kept failing: not started until resumed. */
  private final Set<Long> heldBack = ConcurrentHashMap.newKeySet();

  /** Printers whose worker ends at the next point between cards, after a reload changed them. */
  private final Set<Long> retiring = ConcurrentHashMap.newKeySet();

  private final List<PrinterRef> owned = new ArrayList<>();
  private ScheduledExecutorService leases;
  private ScheduledFuture<?> tending;
  private volatile boolean running;

  public StationRuntime(
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
      java.time.Clock clock,
      List<StoppingHook> hooks) {
    this.clock = clock;
    this.hooks = List.copyOf(hooks);
    this.properties = properties;
    this.devices = devices;
    devices.devices(); // a device file that cannot be used stops the start, saying why
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
    running = true;
    leases = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "printer-leases"));
    long every = Math.max(1, properties.lease().toMillis() / 3);
    tending = leases.scheduleWithFixedDelay(this::tend, 0, every, TimeUnit.MILLISECONDS);
    devices.onChange(this::devicesChanged);
  }

  /**
   * After the device file was reloaded: a printer gone from it, or whose port, dialect, reader or
   * model changed, has its worker end between cards (the card in flight is finished, no new one is
   * started); {@link #tend} then closes its port and either starts it again as the file now says
   * or, when the file no longer gives it to this node, gives up its lease. Printers the file added
   * are started by the next round of {@link #tend}, which this runs at once.
   */
  private synchronized void devicesChanged() {
    if (!running) {
      return;
    }
    List<StationDevices.Device> now = devices.devices();
    for (var entry : drivenAs.entrySet()) {
      StationWorker worker = workers.get(entry.getKey());
      if (!now.contains(entry.getValue()) && worker != null && retiring.add(entry.getKey())) {
        worker.stopBetweenCards();
        log.info(
            "Printer {}: the device file changed; it stops after the card in flight",
            entry.getValue().link().code());
        daemon(() -> afterEnd(worker), "printer-retiring-" + entry.getValue().link().code())
            .start();
      }
    }
    leases.execute(this::tend);
  }

  /** Once a retiring worker has ended, tends the printers at once rather than at the next round. */
  private void afterEnd(StationWorker worker) {
    if (worker.awaitEnd()) {
      synchronized (this) {
        if (running) {
          leases.execute(this::tend);
        }
      }
    }
  }

  /**
   * Ends what is left of the workers that stopped after a reload: closes the port each had open
   * and, for a printer the device file no longer gives this node, gives up its lease.
   */
  private void retire() {
    List<StationDevices.Device> now = devices.devices();
    for (Long printerId : List.copyOf(retiring)) {
      StationWorker worker = workers.get(printerId);
      if (worker != null && worker.alive()) {
        continue; // still finishing its card
      }
      StationDevices.Device was = drivenAs.get(printerId);
      closePort(printerId);
      String code = was == null ? String.valueOf(printerId) : was.link().code();
      boolean stillHere =
          was != null
              && now.stream()
                  .anyMatch(
                      d ->
                          d.link().office().equals(was.link().office())
                              && d.link().code().equals(was.link().code()));
      if (!stillHere) {
        owned.removeIf(p -> p.id() == printerId);
        try {
          ownership.release(printerId, properties.node());
        } catch (RuntimeException e) {
          log.warn("Releasing printer {} failed", code, e);
        }
      }
      // only now does the console see it stopped: its port is closed and its lease given up
      drivenAs.remove(printerId);
      workers.remove(printerId);
      retiring.remove(printerId);
      if (stillHere) {
        log.info("Printer {} stopped between cards; it starts again as the device file says", code);
        continue;
      }
      log.info("Printer {} stopped between cards and released: the device file left it out", code);
    }
  }

  /**
   * Ends what is left of the workers whose loop stopped on an error (out of memory, say): their
   * ports are closed and, the printer still this node's, {@link #startIfMissing} starts each again,
   * reading where its card is as after a restart. Without this the lease would be renewed for a
   * printer nobody drives. A station that ends on an error {@link #FAILURES_TO_QUARANTINE} times
   * within {@link #FAILURE_WINDOW} is not started again: its printer is quarantined for the
   * operator, who resumes it once the cause is dealt with.
   */
  private void restartFailed() {
    for (Map.Entry<Long, StationWorker> entry : List.copyOf(workers.entrySet())) {
      long printerId = entry.getKey();
      Optional<Error> failure = entry.getValue().failure();
      if (failure.isEmpty() || retiring.contains(printerId)) {
        continue;
      }
      closePort(printerId);
      StationDevices.Device was = drivenAs.remove(printerId);
      workers.remove(printerId);
      String code = was == null ? String.valueOf(printerId) : was.link().code();
      Instant now = clock.instant();
      Deque<Instant> times = failures.computeIfAbsent(printerId, id -> new ArrayDeque<>());
      times.addLast(now);
      while (times.getFirst().isBefore(now.minus(FAILURE_WINDOW))) {
        times.removeFirst();
      }
      if (times.size() < FAILURES_TO_QUARANTINE) {
        log.warn("Printer {}: its print station stopped on an error; starting it again", code);
        continue;
      }
      String detail =
          times.size()
              + " errors in "
              + FAILURE_WINDOW.toMinutes()
              + " minutes; the last: "
              + failure.get();
      try {
        jobs.halt(printerId, PrinterMode.QUARANTINED, HaltCause.STATION_KEEPS_FAILING, detail);
      } catch (RuntimeException e) {
        log.warn("Printer {}: quarantining it failed; starting its station again", code, e);
        continue;
      }
      times.clear();
      heldBack.add(printerId);
      log.error(
          "Printer {}: its print station stopped on an error {} times within {} minutes;"
              + " quarantined, and not started again until an operator resumes it",
          code,
          FAILURES_TO_QUARANTINE,
          FAILURE_WINDOW.toMinutes());
    }
  }

  /**
   * Whether a printer whose station kept failing still waits for an operator; once resumed (or its
   * mode otherwise set), its station may start again.
   */
  private boolean heldBack(long printerId) {
    if (!heldBack.contains(printerId)) {
      return false;
    }
    if (jobs.state(printerId).mode() == PrinterMode.QUARANTINED) {
      return true;
    }
    heldBack.remove(printerId);
    log.info("Printer {}: resumed after its station kept failing; starting it again", printerId);
    return false;
  }

  /** Closes the port this node opened for the printer's station, if it has one open. */
  private void closePort(long printerId) {
    CardPrinter port = opened.remove(printerId);
    if (port != null) {
      try {
        port.close();
      } catch (RuntimeException e) {
        log.warn("Closing the port of printer {} failed", printerId, e);
      }
    }
  }

  /**
   * Renews the leases of the printers this node drives and starts the workers of configured
   * printers not running yet (registered later, or freed by a node whose lease ran out).
   */
  private synchronized void tend() {
    if (!running) {
      return;
    }
    retire();
    restartFailed();
    renewLeases();
    for (StationDevices.Device device : devices.devices()) {
      try {
        startIfMissing(device);
      } catch (RuntimeException e) {
        log.warn("Printer {} not started", device.link().code(), e);
      }
    }
  }

  private void startIfMissing(StationDevices.Device device) {
    StationProperties.PrinterLink link = device.link();
    Optional<Long> officeId = offices.officeByCode(link.office()).map(o -> o.id());
    if (officeId.isEmpty()) {
      return;
    }
    Optional<org.cetak.stock.Printer> registered = printers.find(officeId.get(), link.code());
    if (registered.isEmpty() || workers.containsKey(registered.get().id())) {
      return;
    }
    long printerId = registered.get().id();
    if (retiring.contains(printerId)) {
      return; // its worker is finishing a card as the old file said
    }
    if (heldBack(printerId)) {
      return; // quarantined after its station kept failing: waits for an operator
    }
    PrinterRef printer = new PrinterRef(printerId, officeId.get(), link.code());
    if (!ownership.claim(printerId, properties.node(), properties.lease())) {
      return; // another node drives it
    }
    supply.release(printer);
    CardPrinter port =
        new DriverCardPrinter(
            CardPrinterDriver.over(
                open(link.link()),
                devices.timings(device),
                link.printerDialect(),
                Optional.empty()));
    StationWorker worker =
        new StationWorker(
            new PrintStation(
                printer,
                port,
                new EncoderChipStation(
                    new PcscChipEncoder(readers, Pattern.compile(link.reader())),
                    properties.chipWait()),
                jobs,
                steps,
                supply,
                devices.dutyCycle(device, registered.get().model(), clock)),
            new PickCounterCheck(jobs),
            properties.idleWait(),
            properties.haltedWait());
    if (!owned.contains(printer)) {
      owned.add(printer);
    }
    workers.put(printerId, worker);
    drivenAs.put(printerId, device);
    opened.put(printerId, port);
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
          drivenAs.remove(printer.id());
          retiring.remove(printer.id());
          opened.remove(printer.id());
          if (worker != null) {
            worker.stop();
          }
          owned.remove(printer);
        }
      } catch (RuntimeException e) {
        log.warn("Renewing the lease of printer {} failed", printer.code(), e);
      }
    }
  }

  /** Wakes a printer's worker: an operator resumed it, or cards were reserved. */
  @Override
  public void wakeUp(long printerId) {
    StationWorker worker = workers.get(printerId);
    if (worker != null) {
      worker.wakeUp();
    }
  }

  @Override
  public boolean drives(long printerId) {
    return workers.containsKey(printerId);
  }

  /** The last status read from a printer this node drives. */
  @Override
  public Optional<org.cetak.printing.device.PrinterSnapshot> lastStatus(long printerId) {
    StationWorker worker = workers.get(printerId);
    return worker == null ? Optional.empty() : worker.station().lastStatus();
  }

  /** The chip reader's state of a printer this node drives, looked at now. */
  @Override
  public Optional<org.cetak.printing.device.ReaderStatus> readerStatus(long printerId) {
    StationWorker worker = workers.get(printerId);
    return worker == null ? Optional.empty() : worker.station().readerStatus();
  }

  public void setMode(long printerId, PrinterMode mode, String reason) {
    jobs.setState(printerId, mode, reason);
    wakeUp(printerId);
  }

  /**
   * Stops the stations first of all (before the scheduler, the pool and the database): no new card
   * is started, each worker ends after its current step (up to {@code cetak.station.stop-wait} in
   * all), and the leases of the printers whose worker ended are given up. A worker still inside a
   * printer command keeps its lease until it runs out: its job stays persisted at its step, and
   * whichever node drives the printer next reads from its counters what the command did.
   */
  @Override
  public void stop() {
    List<PrinterRef> printersOwned;
    Map<Long, StationWorker> stopping;
    synchronized (this) {
      running = false;
      if (leases != null) {
        tending.cancel(false);
        leases.shutdownNow();
      }
      stopping = Map.copyOf(workers);
      workers.clear();
      printersOwned = List.copyOf(owned);
      owned.clear();
    }
    stopping.values().forEach(StationWorker::stop);
    drivenAs.clear();
    retiring.clear();
    failures.clear();
    heldBack.clear();
    opened.clear();
    hooks.forEach(StoppingHook::stationsStopping);
    long deadline = System.nanoTime() + properties.stopWait().toNanos();
    int left = 0;
    for (PrinterRef printer : printersOwned) {
      StationWorker worker = stopping.get(printer.id());
      Duration remaining = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (worker != null && !worker.awaitStop(remaining)) {
        left++;
        log.info(
            "Printer {}: a command is still under way; its job stays at its step and its lease"
                + " runs out",
            printer.code());
        continue;
      }
      try {
        ownership.release(printer.id(), properties.node());
      } catch (RuntimeException e) {
        log.warn("Releasing printer {} failed", printer.code(), e);
      }
    }
    log.info(
        "Print stations stopped: {} printer(s) released, {} left mid-command",
        printersOwned.size() - left,
        left);
  }

  /** Told when the stations stop, after each worker was asked to end (the demo's printers). */
  @FunctionalInterface
  public interface StoppingHook {
    void stationsStopping();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // started after the scheduler (and the web server), stopped before them
    return Integer.MAX_VALUE - 100;
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
