package org.cetak.sim.chip;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import org.cetak.sim.card.PhysicalCard;
import org.cetak.sim.printer.SimulatedPrinter;

/**
 * The contactless reader built into a simulated printer, as a {@code javax.smartcardio} terminal
 * named {@code "Cetak Sim Reader <printer>"}. The card in its field is whatever card the printer
 * has parked at its contactless station: a card moved on is gone from the reader.
 *
 * <p>What production code sees: a mute (dead) chip is present but {@link #connect} fails with a
 * {@link CardException}; no card gives {@link CardNotPresentException}; a card that leaves (moved
 * by the printer, or the card-removed fault) makes the next or current transmit fail with a {@link
 * CardException}.
 */
public final class SimReader extends CardTerminal {

  /** The name prefix of every simulated reader. */
  public static final String PREFIX = "Cetak Sim Reader ";

  private final SimulatedPrinter printer;
  private final String name;

  public SimReader(SimulatedPrinter printer) {
    this.printer = printer;
    this.name = PREFIX + printer.name();
  }

  public SimulatedPrinter printer() {
    return printer;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public Card connect(String protocol) throws CardException {
    if (protocol == null
        || !(protocol.equals("*") || protocol.equals("T=1") || protocol.equals("T=CL"))) {
      throw new IllegalArgumentException("unsupported protocol " + protocol + " on " + name);
    }
    PhysicalCard card = printer.cardAtStation();
    if (card == null) {
      throw new CardNotPresentException("no card in the field of " + name);
    }
    if (card.chip().mute()) {
      card.note("chip mute: connect failed");
      throw new CardException(
          "SCARD_W_UNRESPONSIVE_CARD: chip " + card.uidHex() + " does not answer on " + name);
    }
    card.chip().powerUp();
    return new SimCard(this, card);
  }

  @Override
  public boolean isCardPresent() {
    return printer.cardAtStation() != null;
  }

  @Override
  public boolean waitForCardPresent(long timeout) throws CardException {
    return waitFor(true, timeout);
  }

  @Override
  public boolean waitForCardAbsent(long timeout) throws CardException {
    return waitFor(false, timeout);
  }

  private boolean waitFor(boolean present, long timeout) throws CardException {
    if (timeout < 0) {
      throw new IllegalArgumentException("timeout must not be negative");
    }
    long end = timeout == 0 ? Long.MAX_VALUE : System.nanoTime() + timeout * 1_000_000L;
    while (isCardPresent() != present) {
      if (System.nanoTime() >= end) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CardException("interrupted while waiting on " + name, e);
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "SimReader[" + name + "]";
  }
}
