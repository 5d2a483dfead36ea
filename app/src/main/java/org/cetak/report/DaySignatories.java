package org.cetak.report;

import java.time.LocalDate;
import java.util.Optional;
import org.cetak.stock.Signatory;

/**
 * Who signs an office's daily stock report of a day (tanda tangan laporan harian): the inventory
 * manager who draws it up and the supervisor who acknowledges it, as they were on that day. A role
 * nobody held is a signatory with a blank name.
 */
public interface DaySignatories {

  /** The two signatories of one day's report. */
  record Signed(Signatory drawnUpBy, Signatory acknowledgedBy) {}

  /** The signatories recorded for the office's day. */
  Optional<Signed> of(long officeId, LocalDate day);

  /**
   * Records {@code holders} as the day's signatories unless the day has some already, and returns
   * those the day keeps.
   */
  Signed keep(long officeId, LocalDate day, Signed holders);

  /** Records {@code holders} as the day's signatories over any recorded before: the day goes on. */
  void replace(long officeId, LocalDate day, Signed holders);
}
