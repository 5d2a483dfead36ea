package org.cetak.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.cetak.sim.card.Place;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.printer.SimulatedPrinter.PhysicalState;
import org.cetak.sim.time.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's simulated printers between runs: their physical state (feeder, counters, boxes,
 * ribbon, a card inside) is kept in a file of the demo's data directory, written after each command
 * or operator's action that changed it and when the demo stops, and restored when it starts, so a
 * restart finds each printer as it was left, as a real one would be, even after the demo was killed
 * ({@code kill -9}) without stopping. The file names the database it belongs to: a fresh database
 * starts fresh printers. It keeps how many blanks each printer has numbered, so the chips of a
 * restarted demo carry UIDs that no card of an earlier run had (a UID already recorded for another
 * card is refused by the print station).
 */
final class DemoPrinterStates {

  private static final Logger log = LoggerFactory.getLogger(DemoPrinterStates.class);

  private final Path file;
  private final String database;
  private final Map<String, PhysicalState> kept = new LinkedHashMap<>();
  private boolean restored;

  DemoPrinterStates(Path file, String database) {
    this.file = file;
    this.database = database;
  }

  /** Printers that start fresh each run and are not saved. */
  static DemoPrinterStates none() {
    return new DemoPrinterStates(null, "");
  }

  /** Restores each printer found in the file; true when the file belonged to this database. */
  boolean restore(Map<String, SimulatedPrinter> printers) {
    if (file == null) {
      return false;
    }
    Optional<Properties> saved = read();
    if (saved.isEmpty() || !database.equals(saved.get().getProperty("database"))) {
      return false;
    }
    Properties p = saved.get();
    for (SimulatedPrinter printer : printers.values()) {
      String at = printer.name() + ".";
      if (p.getProperty(at + "feeder") == null) {
        continue;
      }
      String inside = p.getProperty(at + "inside", "");
      long picked = Long.parseLong(p.getProperty(at + "picked"));
      int feeder = Integer.parseInt(p.getProperty(at + "feeder"));
      // a file saved before the count was kept: at least every blank picked or in the feeder
      String made = p.getProperty(at + "blanksMade");
      int blanksMade =
          made != null
              ? Integer.parseInt(made)
              : (int) Math.min(Integer.MAX_VALUE, picked + feeder + (inside.isEmpty() ? 0 : 1));
      PhysicalState state =
          new PhysicalState(
              feeder,
              Integer.parseInt(p.getProperty(at + "ribbonLeft")),
              Integer.parseInt(p.getProperty(at + "rejectBox")),
              Integer.parseInt(p.getProperty(at + "hopper")),
              picked,
              Long.parseLong(p.getProperty(at + "panels")),
              Long.parseLong(p.getProperty(at + "printedCards")),
              Long.parseLong(p.getProperty(at + "rejected")),
              Boolean.parseBoolean(p.getProperty(at + "coverOpen")),
              inside.isEmpty() ? null : Place.valueOf(inside),
              blanksMade);
      printer.restore(state);
      log.info(
          "Demo printer {} as it was left: {} blanks in the feeder, pick counter {}, {} blanks"
              + " made{}",
          printer.name(),
          state.feeder(),
          state.picked(),
          state.blanksMade(),
          state.inside() == null ? "" : ", a card at " + state.inside());
    }
    restored = true;
    return true;
  }

  boolean restored() {
    return restored;
  }

  /**
   * From now on writes the file whenever a printer's physical state changes (each printer tells its
   * change before the host reads the command's reply), so the file is never behind what the
   * stations saw of the printers.
   */
  void keep(Iterable<SimulatedPrinter> printers) {
    if (file == null) {
      return;
    }
    for (SimulatedPrinter printer : printers) {
      PhysicalState now = printer.physicalState();
      synchronized (this) {
        kept.put(printer.name(), now);
      }
      printer.onPhysicalChange(changed -> changed(printer.name(), changed));
    }
  }

  private synchronized void changed(String printer, PhysicalState state) {
    kept.put(printer, state);
    try {
      write();
    } catch (IOException e) {
      log.warn("Demo printers' state not written to {}: {}", file, e.toString());
    }
  }

  /** Saves every printer's physical state (between two commands). */
  void save(Iterable<SimulatedPrinter> printers) {
    if (file == null) {
      return;
    }
    Map<String, PhysicalState> states = new LinkedHashMap<>();
    printers.forEach(printer -> states.put(printer.name(), printer.physicalState()));
    synchronized (this) {
      kept.putAll(states);
      try {
        write();
        log.info("Demo printers' state saved in {}", file);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot save the demo printers' state in " + file, e);
      }
    }
  }

  private void write() throws IOException {
    Properties p = new Properties();
    p.setProperty("database", database);
    for (Map.Entry<String, PhysicalState> printer : kept.entrySet()) {
      PhysicalState s = printer.getValue();
      String at = printer.getKey() + ".";
      p.setProperty(at + "feeder", Integer.toString(s.feeder()));
      p.setProperty(at + "ribbonLeft", Integer.toString(s.ribbonLeft()));
      p.setProperty(at + "rejectBox", Integer.toString(s.rejectBox()));
      p.setProperty(at + "hopper", Integer.toString(s.hopper()));
      p.setProperty(at + "picked", Long.toString(s.picked()));
      p.setProperty(at + "panels", Long.toString(s.panels()));
      p.setProperty(at + "printedCards", Long.toString(s.printedCards()));
      p.setProperty(at + "rejected", Long.toString(s.rejected()));
      p.setProperty(at + "coverOpen", Boolean.toString(s.coverOpen()));
      p.setProperty(at + "inside", s.inside() == null ? "" : s.inside().name());
      p.setProperty(at + "blanksMade", Integer.toString(s.blanksMade()));
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temporary = file.resolveSibling(file.getFileName() + ".new");
    try (OutputStream out = Files.newOutputStream(temporary)) {
      p.store(out, "The demo's simulated printers as they were left");
    }
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private Optional<Properties> read() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
      return Optional.of(p);
    } catch (IOException | IllegalArgumentException e) {
      log.warn(
          "Demo printers' state in {} unreadable, starting them fresh: {}", file, e.toString());
      return Optional.empty();
    }
  }

  /**
   * Real time for the simulated printers' actions, until the demo stops: then a printer finishes
   * the action under way at once (as a real printer finishes its card while the host goes down), so
   * the stations end their step without waiting out a card's half minute.
   */
  static final class Hurry implements Sleeper {

    private volatile boolean hurried;

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      if (hurried || duration.isNegative() || duration.isZero()) {
        return;
      }
      long deadline = System.nanoTime() + duration.toNanos();
      synchronized (this) {
        long left = deadline - System.nanoTime();
        while (!hurried && left > 0) {
          TimeUnit.NANOSECONDS.timedWait(this, left);
          left = deadline - System.nanoTime();
        }
      }
    }

    void now() {
      hurried = true;
      synchronized (this) {
        notifyAll();
      }
    }
  }
}
