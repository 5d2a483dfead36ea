package org.cetak.allocation;

import java.time.LocalDate;
import java.util.List;

/** Drops of blanks an office received from the centre, for forecasting the next ones. */
@FunctionalInterface
public interface DropHistory {

  /** The office's drops, oldest first. */
  List<Drop> drops(long officeId);

  record Drop(LocalDate receivedOn, long quantity) {}

  static DropHistory none() {
    return officeId -> List.of();
  }
}
