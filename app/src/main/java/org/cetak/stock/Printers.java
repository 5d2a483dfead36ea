package org.cetak.stock;

import java.util.List;
import java.util.Optional;

/** The printers of each office. */
public interface Printers {

  /** Registers a printer; a code already used in the office is refused ({@code PRINTER_EXISTS}). */
  Printer register(long officeId, String code, String name, String model);

  Optional<Printer> find(long officeId, String code);

  Optional<Printer> byId(long printerId);

  List<Printer> list(long officeId);
}
