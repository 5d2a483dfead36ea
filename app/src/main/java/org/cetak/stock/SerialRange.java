package org.cetak.stock;

import org.cetak.common.DomainException;

/**
 * An inclusive range of blank serials, such as {@code KTP2611000001..KTP2611005000}. Serials are
 * opaque apart from this: a prefix and a trailing number of fixed width.
 */
public record SerialRange(String prefix, long firstNo, long lastNo, int digits) {

  public SerialRange {
    if (firstNo < 0 || lastNo < firstNo) {
      throw new DomainException(
          StockError.INVALID_SERIAL_RANGE, "Serial range " + firstNo + ".." + lastNo + " is empty");
    }
  }

  /** Parses two serials sharing a prefix and a number width. */
  public static SerialRange parse(String first, String last) {
    if (first == null || last == null || first.isBlank() || last.isBlank()) {
      throw new DomainException(StockError.INVALID_SERIAL_RANGE, "A serial range needs both ends");
    }
    int a = digitsStart(first);
    int b = digitsStart(last);
    String prefix = first.substring(0, a);
    int digits = first.length() - a;
    if (digits == 0
        || digits > 18
        || !prefix.equals(last.substring(0, b))
        || digits != last.length() - b) {
      throw new DomainException(
          StockError.INVALID_SERIAL_RANGE,
          "Serials "
              + first
              + " and "
              + last
              + " must share a prefix and end in numbers of the same width");
    }
    long firstNo = Long.parseLong(first.substring(a));
    long lastNo = Long.parseLong(last.substring(b));
    if (lastNo < firstNo) {
      throw new DomainException(
          StockError.INVALID_SERIAL_RANGE,
          "Serial range " + first + ".." + last + " runs backwards");
    }
    return new SerialRange(prefix, firstNo, lastNo, digits);
  }

  private static int digitsStart(String serial) {
    int i = serial.length();
    while (i > 0 && Character.isDigit(serial.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  public long count() {
    return lastNo - firstNo + 1;
  }

  public boolean overlaps(SerialRange other) {
    return prefix.equals(other.prefix) && firstNo <= other.lastNo && other.firstNo <= lastNo;
  }

  public String first() {
    return format(firstNo);
  }

  public String last() {
    return format(lastNo);
  }

  private String format(long no) {
    return prefix + String.format("%0" + digits + "d", no);
  }

  @Override
  public String toString() {
    return first() + ".." + last();
  }
}
