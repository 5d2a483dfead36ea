package org.cetak.printing;

import java.util.List;
import java.util.Optional;

/** What the console shows of each printer of an office. */
public interface PrinterBoard {

  List<PrinterView> printers(long officeId);

  Optional<PrinterView> printer(long printerId);

  /**
   * One printer: its mode and its open job if any.
   *
   * @param driven a node holds a lease on it that has not run out
   */
  record PrinterView(
      long id,
      long officeId,
      String code,
      String name,
      PrinterMode mode,
      String reason,
      Optional<HaltCause> cause,
      Optional<String> owner,
      boolean driven,
      Optional<PrintJob> openJob) {}
}
