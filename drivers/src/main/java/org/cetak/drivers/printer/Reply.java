package org.cetak.drivers.printer;

import java.nio.charset.StandardCharsets;
import org.cetak.drivers.transport.WireText;

/**
 * One parsed reply: {@code OK}, {@code ERR <reason>}, or a value (text asked for). A port in the
 * vendor's ACK/NACK protocol ({@code Pcom}, guide p7) answers {@code ACK} for {@code OK} and {@code
 * NACK;<code>} for an error; both parse to the same replies.
 */
public sealed interface Reply {

  /** {@code OK}. */
  record Ok() implements Reply {}

  /** {@code ERR <reason>}. */
  record Refused(PrinterCondition condition, String reason) implements Reply {}

  /** Anything else: the value asked for (a model name, a counter, a status line). */
  record Value(String text) implements Reply {}

  /**
   * Parses reply bytes (without terminator).
   *
   * @throws PrinterProtocolException empty, not printable ASCII, or {@code ERR} without reason
   */
  static Reply parse(byte[] bytes) {
    if (bytes.length == 0) {
      throw new PrinterProtocolException("empty reply", "");
    }
    for (byte b : bytes) {
      if (b < 0x20 || b > 0x7E) {
        throw new PrinterProtocolException("reply is not printable ASCII", WireText.render(bytes));
      }
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    if (text.equals("OK") || text.equals("ACK")) {
      return new Ok();
    }
    if (text.startsWith("NACK")) {
      if (text.length() != 6 || text.charAt(4) != ';') {
        throw new PrinterProtocolException("NACK without one code", text);
      }
      return new Refused(nackCondition(text.charAt(5)), text);
    }
    if (text.startsWith("ERR")) {
      if (text.length() < 5 || text.charAt(3) != ' ' || text.substring(4).isBlank()) {
        throw new PrinterProtocolException("error reply without a reason", text);
      }
      String reason = text.substring(4);
      return new Refused(PrinterCondition.fromReason(reason), reason);
    }
    return new Value(text);
  }

  /**
   * The condition of a {@code NACK} code (guide p7); codes of magnetic stripes are unknown here.
   */
  static PrinterCondition nackCondition(char code) {
    return switch (code) {
      case '1' -> PrinterCondition.COMMAND;
      case '2' -> PrinterCondition.PARAMETER;
      case 'T' -> PrinterCondition.MECHANICAL;
      case 'C' -> PrinterCondition.COVER_OPEN;
      case 'F' -> PrinterCondition.FEEDER;
      case 'R' -> PrinterCondition.RIBBON;
      default -> PrinterCondition.UNRECOGNISED;
    };
  }
}
