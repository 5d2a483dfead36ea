package org.cetak.printing;

import java.util.Optional;

/**
 * Reserved requests, prepared for printing ahead of time so the printer never waits for the host.
 */
public interface CardSupply {

  /** The next reserved request for this printer, prepared; empty when none is waiting. */
  Optional<PreparedCard> next(PrinterRef printer);

  /** Prepares a given request again (for a job found open after a restart). */
  PreparedCard prepare(long requestId);

  /** Forgets what was prepared for this printer (paused, stopped). */
  void release(PrinterRef printer);
}
