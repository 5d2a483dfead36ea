package org.cetak.sim.card;

/** The card left the reader's field in the middle of a command (the command may be half done). */
public final class ChipRemovedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ChipRemovedException(String message) {
    super(message);
  }
}
