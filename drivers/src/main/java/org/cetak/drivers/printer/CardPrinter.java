package org.cetak.drivers.printer;

/**
 * A card printer, as the print station uses it (port). Every operation returns an {@link Outcome}:
 * done, not done (with the printer's reason), or unknown. An operation that may have moved a card
 * is never repeated by the driver after a lost reply: it reads the printer's status instead and
 * reports what that shows.
 *
 * <p>One thread at a time: a printer does one thing at a time, and so does its driver.
 */
public interface CardPrinter extends AutoCloseable {

  /** Model, serial number and firmware ({@code Rtp}, {@code Rsn}, {@code Rfv}). */
  Outcome<PrinterIdentity> identify();

  /** Position of the card, state, counters ({@code Rst}). */
  Outcome<PrinterStatus> status();

  /** Cards picked since manufacture ({@code Rco;c}). */
  Outcome<Long> pickCounter();

  /** Picks a blank, or moves the card inside, to the contactless chip station ({@code Sic}). */
  Outcome<Acknowledged> parkAtContactless();

  /**
   * Prints one card and ejects it to the output hopper: {@code Ss}, {@code Sr} and the front
   * panels, {@code Sv} and the back panels, {@code Se}. Done only when the card came out.
   */
  Outcome<Acknowledged> print(EncodedFaces faces);

  /** {@link #print(EncodedFaces)}, encoding the panels first on the caller's thread. */
  default Outcome<Acknowledged> print(CardFaces faces) {
    return print(EncodedFaces.of(faces));
  }

  /** Ejects the card inside to the output hopper without printing ({@code Se}). */
  Outcome<Acknowledged> eject();

  /** Ejects the card inside into the reject box ({@code Ser}). */
  Outcome<Acknowledged> reject();

  /** Clears the printer's error state ({@code Scs}). */
  Outcome<Acknowledged> clearError();

  /** Software reset: the printer forgets its sequence; a card inside stays ({@code Srs}). */
  Outcome<Acknowledged> reset();

  /** Releases the link to the printer. */
  @Override
  void close();
}
