package org.cetak.sim.chip;

import java.nio.ByteBuffer;
import java.time.Duration;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.cetak.sim.card.Chip;
import org.cetak.sim.card.ChipRemovedException;
import org.cetak.sim.card.PhysicalCard;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.printer.TimingProfile;

/** A connection to the chip of the card parked at a simulated printer's station. */
final class SimCard extends Card {

  /** ISO 14443-4 type A card as PC/SC part 3 reports it, historical bytes "CETAKSIM". */
  private static final ATR ATR_BYTES = new ATR(atr());

  private static final long TYPICAL_BYTES = 4096;

  private final SimReader reader;
  private final PhysicalCard card;
  private final SimChannel basic;
  private volatile boolean valid = true;
  private Duration personalisation;
  private Duration charged = Duration.ZERO;

  SimCard(SimReader reader, PhysicalCard card) {
    this.reader = reader;
    this.card = card;
    this.basic = new SimChannel();
  }

  private static byte[] atr() {
    byte[] hist = "CETAKSIM".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] a = new byte[4 + hist.length + 1];
    a[0] = 0x3B;
    a[1] = (byte) (0x80 | hist.length);
    a[2] = (byte) 0x80;
    a[3] = 0x01;
    System.arraycopy(hist, 0, a, 4, hist.length);
    byte tck = 0;
    for (int i = 1; i < a.length - 1; i++) {
      tck ^= a[i];
    }
    a[a.length - 1] = tck;
    return a;
  }

  @Override
  public ATR getATR() {
    return ATR_BYTES;
  }

  @Override
  public String getProtocol() {
    return "T=1";
  }

  @Override
  public CardChannel getBasicChannel() {
    checkValid();
    return basic;
  }

  @Override
  public CardChannel openLogicalChannel() throws CardException {
    throw new CardException("logical channels are not supported by " + reader.getName());
  }

  @Override
  public void beginExclusive() throws CardException {
    ensure();
  }

  @Override
  public void endExclusive() throws CardException {
    ensure();
  }

  @Override
  public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
    throw new CardException("control commands are not supported by " + reader.getName());
  }

  @Override
  public void disconnect(boolean reset) throws CardException {
    valid = false;
  }

  private void checkValid() {
    if (!valid) {
      throw new IllegalStateException("card handle on " + reader.getName() + " was disconnected");
    }
  }

  private void ensure() throws CardException {
    checkValid();
    if (reader.printer().cardAtStation() != card) {
      valid = false;
      throw new CardException("SCARD_W_REMOVED_CARD: the card left " + reader.getName());
    }
  }

  byte[] exchange(byte[] apdu) throws CardException {
    ensure();
    Chip chip = card.chip();
    long before = chip.bytesWritten();
    byte[] response;
    try {
      response = chip.transmit(apdu);
    } catch (ChipRemovedException e) {
      valid = false;
      card.note("card left the field during a chip write");
      throw new CardException("SCARD_E_NOT_TRANSACTED: " + e.getMessage(), e);
    }
    long written = chip.bytesWritten() - before;
    boolean locked =
        apdu.length >= 2
            && (apdu[0] & 0xFF) == 0x80
            && (apdu[1] & 0xFF) == 0xE0
            && response.length == 2
            && (response[0] & 0xFF) == 0x90;
    if (written > 0 || locked) {
      slowDown(written, locked);
    }
    if (reader.printer().cardAtStation() != card) {
      valid = false;
      throw new CardException("SCARD_W_REMOVED_CARD: the card left " + reader.getName());
    }
    return response;
  }

  /**
   * Charges the card's personalisation time (5-20 s in the field profile, times its slow factor):
   * writes cost it pro rata over a typical 4 KB of data, and the lock costs whatever is left, so a
   * whole personalisation takes that time however much it writes. In zero-delay mode only the
   * simulated clock moves.
   */
  private void slowDown(long bytes, boolean locked) throws CardException {
    SimulatedPrinter printer = reader.printer();
    if (personalisation == null) {
      TimingProfile t = printer.config().timing();
      double u = printer.faults().nextDouble();
      long nanos =
          t.chipMin().toNanos() + (long) (u * (t.chipMax().toNanos() - t.chipMin().toNanos()));
      personalisation = Duration.ofNanos((long) (nanos * card.chip().faults().slowFactor()));
    }
    Duration left = personalisation.minus(charged);
    Duration cost = locked ? left : personalisation.multipliedBy(bytes).dividedBy(TYPICAL_BYTES);
    if (cost.compareTo(left) > 0) {
      cost = left;
    }
    if (cost.isNegative() || cost.isZero()) {
      return;
    }
    charged = charged.plus(cost);
    try {
      printer.timeline().pass(cost);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CardException("interrupted during a chip write", e);
    }
  }

  private final class SimChannel extends CardChannel {

    @Override
    public Card getCard() {
      return SimCard.this;
    }

    @Override
    public int getChannelNumber() {
      checkValid();
      return 0;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
      return new ResponseAPDU(exchange(command.getBytes()));
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
      byte[] apdu = new byte[command.remaining()];
      command.get(apdu);
      byte[] r = exchange(apdu);
      if (response.remaining() < r.length) {
        throw new IllegalArgumentException("response buffer too small for " + r.length + " bytes");
      }
      response.put(r);
      return r.length;
    }

    @Override
    public void close() throws CardException {
      throw new IllegalStateException("the basic channel cannot be closed");
    }
  }
}
