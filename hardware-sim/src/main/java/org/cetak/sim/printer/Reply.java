package org.cetak.sim.printer;

/**
 * The printer's answer to one request and how it reaches the wire.
 *
 * @param text the reply without its CR; null when there is none
 * @param delivery how it is delivered (faults act here)
 */
public record Reply(String text, Delivery delivery) {

  public static Reply of(String text) {
    return new Reply(text, Delivery.NORMAL);
  }

  public Reply with(Delivery d) {
    return new Reply(text, d);
  }

  /** How a reply reaches the wire. */
  public enum Delivery {
    NORMAL,
    /** Nothing is sent. */
    NONE,
    /** The bytes are corrupted (still ended by CR). */
    GARBLED,
    /** Sent after the configured late-reply delay. */
    LATE,
    /** Not sent: the connection drops and the port disappears for a while. */
    DISCONNECT
  }
}
