package org.cetak.printing.device;

/**
 * What the chip encoder's reader is doing, for the printers page (PC/SC reader unplugged, the PC/SC
 * service restarting, a card on it).
 */
public enum ReaderStatus {
  /** The reader is there with a card on it. */
  CARD_PRESENT,
  /** The reader is there, no card on it. */
  NO_CARD,
  /** No reader of its name: unplugged, or named otherwise. */
  MISSING,
  /** The PC/SC service does not answer. */
  SERVICE_DOWN
}
