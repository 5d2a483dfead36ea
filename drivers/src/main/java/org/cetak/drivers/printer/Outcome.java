package org.cetak.drivers.printer;

import java.util.Optional;

/**
 * What came of one printer operation: done, not done, or unknown. Expected printer conditions
 * (feeder empty, cover open ...) are {@link NotDone} values, not exceptions.
 */
public sealed interface Outcome<T> {

  /** The printer did it. */
  record Done<T>(T value) implements Outcome<T> {}

  /**
   * The printer did not do it.
   *
   * @param detail the reply or the reason as text
   * @param status the printer's status read afterwards, when it was read (for moving commands,
   *     where the card is now)
   */
  record NotDone<T>(PrinterCondition condition, String detail, Optional<PrinterStatus> status)
      implements Outcome<T> {}

  /**
   * Nobody can tell whether the printer did it (no reply, and no status to decide by, or still busy
   * when the driver gave up). An operator must look before anything moves again.
   *
   * @param lastKnown the last status read, if any
   */
  record Unknown<T>(String why, Optional<PrinterStatus> lastKnown) implements Outcome<T> {}

  /** True for {@link Done}. */
  default boolean done() {
    return this instanceof Done;
  }
}
