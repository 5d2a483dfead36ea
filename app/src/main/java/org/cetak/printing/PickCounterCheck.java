package org.cetak.printing;

import java.util.OptionalLong;
import org.cetak.printing.device.PrinterSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before a station drives a printer it has just taken up (a start, a restart, a lease taken over):
 * the printer's pick counter must not be ahead of what its jobs recorded. A counter that is ahead
 * means blanks left the feeder that the database does not know of: a database restored from a
 * backup older than the printer, or cards picked by hand. The printer is trusted over the database:
 * it is quarantined, nothing is picked and nothing is marked printed until an operator has
 * accounted for those cards (docs/INSTALL.md, "After restoring a backup") and resumes it. An open
 * job is left to its step's baseline, which tells the same from the counters.
 */
public final class PickCounterCheck {

  private static final Logger log = LoggerFactory.getLogger(PickCounterCheck.class);

  private final PrintJobs jobs;

  public PickCounterCheck(PrintJobs jobs) {
    this.jobs = jobs;
  }

  /**
   * Quarantines the printer when its counter {@code now} is ahead of the recorded one; true when
   * the station may drive it as the database says.
   */
  public boolean admits(PrinterRef printer, PrinterSnapshot now) {
    if (jobs.openJob(printer.id()).isPresent()) {
      return true;
    }
    OptionalLong expected = jobs.expectedPicked(printer.id());
    if (expected.isEmpty() || now.picked() <= expected.getAsLong()) {
      return true;
    }
    String detail =
        "pick counter " + now.picked() + ", recorded by the print jobs " + expected.getAsLong();
    jobs.halt(printer.id(), PrinterMode.QUARANTINED, HaltCause.PICK_COUNTER_AHEAD, detail);
    log.warn(
        "Printer {} quarantined ({}): {}", printer.code(), HaltCause.PICK_COUNTER_AHEAD, detail);
    return false;
  }
}
