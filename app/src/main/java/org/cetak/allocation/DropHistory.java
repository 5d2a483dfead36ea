package org.cetak.allocation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Drops of blanks an office received from the centre, for forecasting the next ones. */
@FunctionalInterface
public interface DropHistory {

  /** The office's drops, oldest first, each on the day it came in at the office ({@code zone}). */
  List<Drop> drops(long officeId, ZoneId zone);

  record Drop(LocalDate receivedOn, long quantity) {}

  static DropHistory none() {
    return (officeId, zone) -> List.of();
  }
}
