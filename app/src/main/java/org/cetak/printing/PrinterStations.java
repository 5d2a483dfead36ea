package org.cetak.printing;

import java.util.Optional;
import org.cetak.printing.device.PrinterSnapshot;

/**
 * The print stations this node runs, as the operators' actions see them. A node that drives no
 * printer has none: then nothing is woken and no status is known.
 */
public interface PrinterStations {

  /** Has the printer's worker look at its printer now (after a resume, a load or a settlement). */
  void wakeUp(long printerId);

  /** Whether this node drives the printer. */
  boolean drives(long printerId);

  /** The printer's status as its station last read it. */
  Optional<PrinterSnapshot> lastStatus(long printerId);

  /** The state of the printer's chip reader, when this node drives the printer. */
  Optional<org.cetak.printing.device.ReaderStatus> readerStatus(long printerId);

  /** No station on this node. */
  static PrinterStations none() {
    return new PrinterStations() {
      @Override
      public void wakeUp(long printerId) {}

      @Override
      public boolean drives(long printerId) {
        return false;
      }

      @Override
      public Optional<PrinterSnapshot> lastStatus(long printerId) {
        return Optional.empty();
      }

      @Override
      public Optional<org.cetak.printing.device.ReaderStatus> readerStatus(long printerId) {
        return Optional.empty();
      }
    };
  }
}
