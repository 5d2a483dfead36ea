package org.cetak.drivers.chip;

/** The link to the chip failed below the APDU level; {@link #kind} says how. */
public final class ChipLinkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** How the link failed. */
  public enum Kind {
    /** The card left the field (or was never there). */
    CARD_REMOVED,
    /** The card does not answer. */
    MUTE,
    /** The PC/SC service stopped or its context is stale. */
    SERVICE,
    /** The reader went away. */
    NO_READER,
    /** Anything else. */
    OTHER
  }

  private final Kind kind;

  public ChipLinkException(Kind kind, String message, Throwable cause) {
    super(kind + ": " + message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
