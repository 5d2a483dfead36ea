package org.cetak.printing;

import java.util.Optional;

/**
 * A printer's mode and the reason an operator sees for it: set by an officer, a text; set by the
 * station, the {@link HaltCause} with the device's own text as the reason.
 */
public record PrinterState(PrinterMode mode, String reason, Optional<HaltCause> cause) {

  /** A mode with a reason of no {@link HaltCause}. */
  public PrinterState(PrinterMode mode, String reason) {
    this(mode, reason, Optional.empty());
  }
}
