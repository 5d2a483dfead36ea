package org.cetak.drivers.printer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.cetak.drivers.transport.WireText;

/**
 * The printer's status line ({@code Rst}, PROTOCOL.md): {@code
 * OK;POS=..;STATE=..;ERR=..;FEED=n;RIB=n;REJ=n/cap;HOP=n/cap;COVER=OPEN|CLOSED;TEMP=n;PICKED=n}.
 *
 * @param lastError the reason of the last error, empty for {@code ERR=NONE}
 * @param feeder blanks in the feeder
 * @param ribbonLeft prints left on the ribbon
 * @param picked cards picked since manufacture (same as {@code Rco;c})
 * @param panelsPrinted panels printed since manufacture ({@code Rco;p}) when the status was built
 *     from the vendor's reads; empty from {@code Rst}
 */
public record PrinterStatus(
    CardPosition position,
    PrinterState state,
    Optional<PrinterCondition> lastError,
    int feeder,
    int ribbonLeft,
    Fill rejectBox,
    Fill hopper,
    boolean coverOpen,
    int headTemperature,
    long picked,
    OptionalLong panelsPrinted) {

  /** A count and its capacity, as {@code n/cap}. */
  public record Fill(int count, int capacity) {
    public boolean full() {
      return count >= capacity;
    }
  }

  /**
   * Parses a status reply; fields it does not know are ignored.
   *
   * @throws PrinterProtocolException not a status line, a field missing, repeated or malformed
   */
  public static PrinterStatus parse(byte[] reply) {
    for (byte b : reply) {
      if (b < 0x20 || b > 0x7E) {
        throw new PrinterProtocolException("status is not printable ASCII", WireText.render(reply));
      }
    }
    String line = new String(reply, StandardCharsets.US_ASCII);
    if (!line.startsWith("OK;")) {
      throw new PrinterProtocolException("not a status line", line);
    }
    Map<String, String> fields = new HashMap<>();
    for (String field : line.substring(3).split(";", -1)) {
      int eq = field.indexOf('=');
      if (eq <= 0) {
        throw new PrinterProtocolException("status field without name=value", line);
      }
      if (fields.put(field.substring(0, eq), field.substring(eq + 1)) != null) {
        throw new PrinterProtocolException("status field repeated", line);
      }
    }
    String error = required(fields, "ERR", line);
    return new PrinterStatus(
        word(CardPosition.class, required(fields, "POS", line), line),
        word(PrinterState.class, required(fields, "STATE", line), line),
        error.equals("NONE") ? Optional.empty() : Optional.of(PrinterCondition.fromReason(error)),
        number(required(fields, "FEED", line), line),
        number(required(fields, "RIB", line), line),
        fill(required(fields, "REJ", line), line),
        fill(required(fields, "HOP", line), line),
        switch (required(fields, "COVER", line)) {
          case "OPEN" -> true;
          case "CLOSED" -> false;
          default -> throw new PrinterProtocolException("COVER is neither OPEN nor CLOSED", line);
        },
        signedNumber(required(fields, "TEMP", line), line),
        counter(required(fields, "PICKED", line), line),
        OptionalLong.empty());
  }

  private static String required(Map<String, String> fields, String name, String line) {
    String value = fields.get(name);
    if (value == null) {
      throw new PrinterProtocolException("status without " + name, line);
    }
    return value;
  }

  private static <E extends Enum<E>> E word(Class<E> type, String value, String line) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value.toUpperCase(Locale.ROOT))) {
        return constant;
      }
    }
    throw new PrinterProtocolException("unknown " + type.getSimpleName() + " " + value, line);
  }

  private static Fill fill(String value, String line) {
    int slash = value.indexOf('/');
    if (slash < 0) {
      throw new PrinterProtocolException("fill without /capacity", line);
    }
    return new Fill(
        number(value.substring(0, slash), line), number(value.substring(slash + 1), line));
  }

  private static int number(String value, String line) {
    long n = counter(value, line);
    if (n > Integer.MAX_VALUE) {
      throw new PrinterProtocolException("number out of range", line);
    }
    return (int) n;
  }

  private static int signedNumber(String value, String line) {
    if (value.startsWith("-")) {
      return -number(value.substring(1), line);
    }
    return number(value, line);
  }

  /** A non-negative decimal of at most 18 digits. */
  static long counter(String value, String line) {
    if (value.isEmpty() || value.length() > 18) {
      throw new PrinterProtocolException("not a decimal count", line);
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        throw new PrinterProtocolException("not a decimal count", line);
      }
    }
    return Long.parseLong(value);
  }
}
