package org.cetak.printing;

import org.cetak.printing.device.CardPosition;
import org.cetak.printing.device.PrinterSnapshot;

/**
 * The printer's counters and card position taken just before a step's command, persisted with the
 * step. Comparing a later status with it tells what the step physically did, whether or not its
 * reply arrived, and even after the application crashed in between.
 */
public record Baseline(long picked, int rejectCount, int hopperCount, CardPosition position) {

  public static Baseline of(PrinterSnapshot snapshot) {
    return new Baseline(
        snapshot.picked(), snapshot.rejectCount(), snapshot.hopperCount(), snapshot.position());
  }
}
