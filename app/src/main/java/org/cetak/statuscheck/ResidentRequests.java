package org.cetak.statuscheck;

import java.time.LocalDate;
import java.util.Optional;

/** What the status page may read of a resident's request, and when it may print. */
public interface ResidentRequests {

  /** The NIK's newest request, of any status. */
  Optional<ResidentRequest> latest(String nik);

  /** The estimated range of print dates of a waiting request, when allocation can tell. */
  Optional<PrintWindow> estimate(String nik);

  /** The first and last day the card is expected to be printed. */
  record PrintWindow(LocalDate earliest, LocalDate latest) {}
}
