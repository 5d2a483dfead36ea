package org.cetak.drivers.printer;

import java.util.Optional;

/** What the status after a lost reply says about a command. */
enum Verdict {
  DONE,
  NOT_DONE,
  CANNOT_TELL;

  /** Judges a command from the status read before it (when there was one) and after it. */
  @FunctionalInterface
  interface Check {
    Verdict judge(Optional<PrinterStatus> before, PrinterStatus after);
  }
}
