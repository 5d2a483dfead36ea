package org.cetak.printing.device;

import org.cetak.drivers.printer.EncodedFaces;

/**
 * One card printer as the print station drives it. Each method sends one step and waits for its
 * answer; none is ever retried by the implementation, because a step that may have moved a card
 * must not be sent twice blindly. Implementations are used by one thread at a time.
 */
public interface CardPrinter extends AutoCloseable {

  /** Reads the status line. */
  StatusReading status();

  /** Picks a blank (or moves the card inside) to the contactless chip station. */
  StepOutcome parkAtChipStation();

  /**
   * Prints the panels on the card inside and ejects it to the output hopper; the panels come
   * encoded for the wire ({@link WirePanels}), so this only streams them.
   */
  StepOutcome printAndEject(EncodedFaces faces);

  /** Ejects the card inside into the reject box. */
  StepOutcome reject();

  /** Clears the printer's error state. */
  StepOutcome clearError();

  /** Releases the connection. */
  @Override
  void close();
}
