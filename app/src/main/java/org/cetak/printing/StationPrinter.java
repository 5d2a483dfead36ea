package org.cetak.printing;

import java.util.Optional;
import org.cetak.drivers.printer.EncodedFaces;
import org.cetak.printing.device.CardPrinter;
import org.cetak.printing.device.PrinterCondition;
import org.cetak.printing.device.PrinterSnapshot;
import org.cetak.printing.device.StatusReading;
import org.cetak.printing.device.StepOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One printer as its station reads and stops it: its status (the last one kept for the console), a
 * kept error cleared once the station may go on, and a halt — the printer's mode with the reason an
 * operator reads, and the cards prepared for it released. Used by the station's one thread.
 */
final class StationPrinter {

  private static final Logger log = LoggerFactory.getLogger(StationPrinter.class);

  private final PrinterRef printer;
  private final CardPrinter device;
  private final PrintJobs jobs;
  private final CardSupply supply;

  private volatile PrinterSnapshot lastStatus;

  StationPrinter(PrinterRef printer, CardPrinter device, PrintJobs jobs, CardSupply supply) {
    this.printer = printer;
    this.device = device;
    this.jobs = jobs;
    this.supply = supply;
  }

  StepOutcome parkAtChipStation() {
    return device.parkAtChipStation();
  }

  StepOutcome printAndEject(EncodedFaces faces) {
    return device.printAndEject(faces);
  }

  StepOutcome reject() {
    return device.reject();
  }

  /** The printer's status as last read; empty before the first read. */
  Optional<PrinterSnapshot> lastStatus() {
    return Optional.ofNullable(lastStatus);
  }

  StatusReading read() {
    StatusReading reading = device.status();
    if (reading instanceof StatusReading.Read read) {
      lastStatus = read.snapshot();
    }
    return reading;
  }

  /**
   * A printer keeps its last error until told to clear it; once the station may go on (an operator
   * resumed it), clearing moves no card, so it is always safe. Returns the status afterwards.
   */
  PrinterSnapshot clearedError(PrinterSnapshot snapshot) {
    if (snapshot.condition() == PrinterCondition.NONE
        || snapshot.condition() == PrinterCondition.NO_CARD) {
      return snapshot;
    }
    device.clearError();
    return read() instanceof StatusReading.Read read ? read.snapshot() : snapshot;
  }

  /** A cooling printer whose head has cooled runs again; true then. */
  boolean cooled() {
    if (read() instanceof StatusReading.Read read
        && !read.snapshot().cooling()
        && read.snapshot().condition() != PrinterCondition.HEAD_TEMP) {
      jobs.setState(printer.id(), PrinterMode.RUNNING, "cooled");
      return true;
    }
    return false;
  }

  /**
   * Pauses for a condition an operator fixes, or cools for a hot head. A printer still busy with
   * something else needs no one: it stays running, and the station tries the step again after its
   * halted wait (the card, if one is inside, untouched).
   */
  void pauseFor(PrinterCondition condition) {
    if (condition == PrinterCondition.BUSY) {
      log.info("Printer {} busy: the step is tried again shortly", printer.code());
      return;
    }
    if (condition == PrinterCondition.HEAD_TEMP) {
      halt(PrinterMode.COOLING, condition.advice());
    } else {
      halt(PrinterMode.PAUSED, condition.advice());
    }
  }

  void halt(PrinterMode mode, String reason) {
    jobs.setState(printer.id(), mode, reason);
    supply.release(printer);
    log.info("Printer {} {}: {}", printer.code(), mode, reason);
  }

  /** Halts for a cause an operator reads, with the device's own text as its detail. */
  void halt(PrinterMode mode, HaltCause cause, String detail) {
    jobs.halt(printer.id(), mode, cause, detail);
    halted(mode, cause, detail);
  }

  /** What follows a halt already persisted: the cards prepared for the printer released. */
  void halted(PrinterMode mode, HaltCause cause, String detail) {
    supply.release(printer);
    log.info("Printer {} {} ({}): {}", printer.code(), mode, cause, detail);
  }
}
