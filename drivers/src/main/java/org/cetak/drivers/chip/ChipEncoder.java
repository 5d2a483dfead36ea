package org.cetak.drivers.chip;

import java.time.Duration;

/**
 * The chip encoder (port): reads a chip's UID and writes the personalisation profile. Every failure
 * is a {@link ChipOutcome} value. A secure-module profile plugs in behind the same port.
 *
 * <p>One operation at a time per encoder; calls block up to {@code waitForCard} for a card and then
 * for as long as the chip takes.
 */
public interface ChipEncoder {

  /** Waits for a card and reads its UID ({@code FF CA 00 00 00}). */
  ChipOutcome<ChipUid> readUid(Duration waitForCard);

  /**
   * Waits for a card, then selects the application, writes each file in chunks, reads it back and
   * compares SHA-256, writes the security object and locks the chip.
   */
  ChipOutcome<Personalised> personalise(ChipPayload payload, Duration waitForCard);

  /** The reader's state now, without waiting for a card. */
  ReaderState readerState();
}
