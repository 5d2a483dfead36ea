package org.cetak.printing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the console shows of each printer of an office. */
public interface PrinterBoard {

  List<PrinterView> printers(long officeId, LocalDate day);

  Optional<PrinterView> printer(long printerId, LocalDate day);

  /** One printer: its mode, its open job if any, and today's counts. */
  record PrinterView(
      long id,
      long officeId,
      String code,
      String name,
      PrinterMode mode,
      String reason,
      Optional<String> owner,
      Optional<PrintJob> openJob,
      int printedToday,
      int spoiledToday) {}
}
