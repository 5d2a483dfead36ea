package org.cetak.quality;

/**
 * The office's chip reader at the check desk (a PC/SC reader, through the chip encoder's port):
 * reads the UID of the card laid on it.
 */
public interface CheckReader {

  /** What the reader read. */
  sealed interface ReadBack permits Read, NotRead {}

  /** The chip answered with its UID (hex). */
  record Read(String uid) implements ReadBack {}

  /** No chip answered (no card, mute chip, reader missing); {@code detail} says which. */
  record NotRead(String detail) implements ReadBack {}

  /**
   * Waits a moment for the card the operator laid on the reader, {@code card} being the one the
   * operator means to pass (a real reader reads whatever lies on it), and reads its UID.
   */
  ReadBack read(CardCheck card);
}
