package org.cetak.drivers.chip.pcsc;

import javax.smartcardio.CardNotPresentException;
import org.cetak.drivers.chip.ChipLinkException;

/**
 * Classifies what {@code javax.smartcardio} throws. The JDK wraps PC/SC error codes as text in the
 * messages of {@code CardException} and its cause, so the codes are looked for there; and when a
 * card leaves in the middle of an APDU, the JDK throws {@code IllegalArgumentException("apdu must
 * be at least 2 bytes long")} instead of a {@code CardException}.
 */
final class PcscFailures {

  private PcscFailures() {}

  static ChipLinkException.Kind classify(Throwable failure) {
    if (failure instanceof CardNotPresentException) {
      return ChipLinkException.Kind.CARD_REMOVED;
    }
    String text = messages(failure);
    if (text.contains("SCARD_E_NO_SERVICE")
        || text.contains("SCARD_E_SERVICE_STOPPED")
        || text.contains("SCARD_E_INVALID_HANDLE")
        || text.contains("SCARD_F_COMM_ERROR")) {
      return ChipLinkException.Kind.SERVICE;
    }
    if (text.contains("SCARD_W_REMOVED_CARD")
        || text.contains("SCARD_E_NOT_TRANSACTED")
        || text.contains("SCARD_E_NO_SMARTCARD")
        || text.contains("SCARD_W_RESET_CARD")
        || text.contains("apdu must be at least 2 bytes")
        || text.contains("Card has been removed")
        || text.contains("disconnected")) {
      return ChipLinkException.Kind.CARD_REMOVED;
    }
    if (text.contains("SCARD_W_UNRESPONSIVE_CARD")
        || text.contains("SCARD_W_UNPOWERED_CARD")
        || text.contains("SCARD_W_UNSUPPORTED_CARD")
        || text.contains("SCARD_E_PROTO_MISMATCH")
        || text.contains("SCARD_E_TIMEOUT")) {
      return ChipLinkException.Kind.MUTE;
    }
    if (text.contains("SCARD_E_NO_READERS_AVAILABLE")
        || text.contains("SCARD_E_UNKNOWN_READER")
        || text.contains("SCARD_E_READER_UNAVAILABLE")) {
      return ChipLinkException.Kind.NO_READER;
    }
    return ChipLinkException.Kind.OTHER;
  }

  static ChipLinkException wrap(String what, Throwable failure) {
    return new ChipLinkException(classify(failure), what + ": " + messages(failure), failure);
  }

  private static String messages(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null && text.length() < 2000; t = t.getCause()) {
      text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" / ");
      if (t.getCause() == t) {
        break;
      }
    }
    return text.toString();
  }
}
