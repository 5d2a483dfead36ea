package org.cetak.drivers.chip;

/** A response APDU that ISO 7816-4 does not allow (shorter than its status word). */
public final class ChipProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ChipProtocolException(String message) {
    super(message);
  }
}
