package org.cetak.printing;

import java.time.Duration;

/**
 * Which node drives which printer. A node claims a printer for a lease and renews it while its
 * worker runs; another node may take it over only after the lease has run out, so two workers never
 * drive the same printer.
 */
public interface PrinterOwnership {

  /** Claims or renews the printer for this node; false when another node holds a live lease. */
  boolean claim(long printerId, String node, Duration lease);

  /** Gives the printer up. */
  void release(long printerId, String node);
}
